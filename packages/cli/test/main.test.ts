import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('ansinh', () => {
  it('prints the command list with --help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ansinh <command>');
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });

  it.each(['trust-list', 'status-list', 'schema'])(
    'lists the commands of the %s group with --help',
    async (group) => {
      const r = await runCli([group, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: ansinh ${group} <command>`);
      expect(r.stdout).toMatch(new RegExp(`^  ${group} \\w+`, 'm'));
    },
  );

  it("lists a group's commands but exits 2 when the group word comes alone", async () => {
    const r = await runCli(['status-list']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('status-list create');
    expect(r.stdout).toContain('status-list set');
  });

  it('still calls an unknown sub-command unknown', async () => {
    const r = await runCli(['status-list', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "status-list nope"');
  });
});
