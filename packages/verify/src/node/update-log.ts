import type { VerifyErrorInfo } from '../errors.js';
import { decodeStatusListUnverified } from '../status/status-list.js';
import type { VerifierUpdate } from './worker-protocol.js';

/** An update as the log keeps it: numbered, and once the main verifier has answered, its outcome. */
interface Entry extends VerifierUpdate {
  readonly seq: number;
  /** Set once the main verifier answered. */
  settled?: 'accepted' | 'rejected' | 'no effect';
  /** A status list's URI and issuer claim, when its bytes decode. */
  uri?: string;
  iss?: string;
}

/**
 * The `updateTrustList`/`addStatusList` calls a verifier was given, in order, for the workers to
 * replay: a worker started late (after an idle stop) replays all of them. So that a server
 * refreshing its lists for months does not make that log grow without end, an entry is dropped
 * once replaying without it leaves a verifier in the same state:
 * - an update that changed nothing (a status list that does not decode or is older than the
 *   one held; a trust list refused while another one is held);
 * - a status list followed by an accepted one for the same URI: that one replaces it when both
 *   were accepted with the same `iss` (the issuer a list speaks for, once accepted), and a refused
 *   one only left a failure for its URI, which a held list makes moot;
 * - a trust list followed by an accepted one with no status list in between (a status list is
 *   checked against the keys of the trust list held when it arrives).
 *
 * @example
 * const entry = log.append('statusList', bytes);
 * log.settle(entry, await verifier.addStatusList(bytes));
 * worker.postMessage({ updates: log.since(seen) }); seen = log.lastSeq;
 */
export function createUpdateLog() {
  let entries: Entry[] = [];
  let lastSeq = 0;

  function compact() {
    const isLaterAcceptedSameUri = (e: Entry, i: number) =>
      entries.some((f, j) => j > i && f.kind === 'statusList' && f.settled === 'accepted' && f.uri === e.uri);
    entries = entries.filter((e, i) => {
      if (e.settled === 'no effect') return false;
      if (e.kind !== 'statusList' || e.settled === undefined || e.uri === undefined) return true;
      if (e.settled === 'rejected') return !isLaterAcceptedSameUri(e, i);
      return !(
        e.iss !== undefined &&
        entries.some(
          (f, j) =>
            j > i &&
            f.kind === 'statusList' &&
            f.settled === 'accepted' &&
            f.uri === e.uri &&
            f.iss === e.iss,
        )
      );
    });
    entries = entries.filter((e, i) => {
      if (e.kind !== 'trustList' || e.settled === undefined) return true;
      for (const f of entries.slice(i + 1)) {
        if (f.kind === 'statusList') return true;
        if (f.settled === 'accepted') return false;
      }
      return true;
    });
  }

  return {
    /** Records an update when it is asked for (a copy of its bytes). */
    append(kind: VerifierUpdate['kind'], bytes: Uint8Array): Entry {
      const entry: Entry = { seq: ++lastSeq, kind, bytes: new Uint8Array(bytes) };
      entries.push(entry);
      return entry;
    },

    /**
     * Records what the main verifier answered (`problem`, undefined when it took the update);
     * `heldTrustList` says whether it held a trust list before a trust-list update.
     */
    settle(entry: Entry, problem: VerifyErrorInfo | undefined, heldTrustList: boolean) {
      if (entry.kind === 'statusList') {
        try {
          const token = decodeStatusListUnverified(entry.bytes);
          entry.uri = token.uri;
          if (token.iss !== undefined) entry.iss = token.iss;
        } catch {
          entry.settled = 'no effect'; // refused before its URI was read
        }
      }
      const changedNothing =
        problem?.code === 'ERR_STATUS_LIST_OUTDATED' ||
        (entry.kind === 'trustList' && problem && heldTrustList);
      entry.settled ??= problem === undefined ? 'accepted' : changedNothing ? 'no effect' : 'rejected';
      compact();
    },

    /** The updates after number `seen`, in order. */
    since(seen: number): VerifierUpdate[] {
      return entries.filter((e) => e.seq > seen).map(({ kind, bytes }) => ({ kind, bytes }));
    },

    /** Number of the last update recorded. */
    get lastSeq() {
      return lastSeq;
    },
  };
}

export type UpdateLog = ReturnType<typeof createUpdateLog>;
