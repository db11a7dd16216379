#!/usr/bin/python3
"""Independent verifier of ansinh card QR texts (AS1:, layout 1), written from docs/wire-format.md.

It exists to prove that the document is enough to write a verifier in another language: it uses
only the Python standard library and Debian's python3-cryptography, and its own base45, inflate
and strict CBOR decoders. Where the first version of the document left a rule open, ../README.md
says which section now states it; this file implements the rules as the document states them.

Usage: verify_card.py [REQUEST.json]   (the request is read from stdin without an argument)

Request (JSON object):
  vectors      path of vectors.json (root key, trust list, status list, credentials)
  at           ISO-8601 clock (default: the file's verifyAt)
  skew         seconds (default 300)
  texts        optional [{"name", "qr"}]: extra texts verified after the vectors' credentials
  onlyTexts    true to skip the vectors' credentials
  trustList    optional hex overriding the file's trust list (null: none)
  statusLists  optional [hex] overriding the file's status list
  requireStatus  true: a card whose status cannot be checked fails (ERR_STATUS_UNAVAILABLE)
  inflate      optional [hex]: zlib streams to inflate alone (testing the decoder against
               other encoders); one {"inflated": hex | null, "code"} line each, before the texts
  runs         optional [{"name", "statusLists", "requireStatus", "texts"}]: more verifiers,
               each with its own status lists, after the texts above; each run writes
               {"name", "problems": [codes of the lists that did not load]}, then its texts,
               named "<run>/<text>"

Output: one JSON object per line and per text:
  {"name", "valid", "code", "stage", "detail", "kid", "issuer", "status", "card", "stages"}
  (status: "valid", "unchecked" or "none"; stages: hex of each decoded stage, once the COSE
  structure parsed; card: once the signature, claims and card map checked out)
"""

import base64
import datetime
import hashlib
import json
import math
import struct
import sys
import unicodedata
import zlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, utils


class Fail(Exception):
    def __init__(self, code, stage, detail=None):
        super().__init__(code)
        self.code, self.stage, self.detail = code, stage, detail


# ---------------------------------------------------------------- base45 (RFC 9285)

B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
B45_INDEX = {c: i for i, c in enumerate(B45)}


def base45_decode(text):
    vals = []
    for ch in text:
        v = B45_INDEX.get(ch)
        if v is None:
            raise Fail("ERR_BASE45", "decode")
        vals.append(v)
    if len(vals) % 3 == 1:
        raise Fail("ERR_BASE45", "decode")
    out = bytearray()
    full = len(vals) - len(vals) % 3
    for i in range(0, full, 3):
        n = vals[i] + vals[i + 1] * 45 + vals[i + 2] * 2025
        if n > 0xFFFF:
            raise Fail("ERR_BASE45", "decode")
        out += n.to_bytes(2, "big")
    if len(vals) % 3 == 2:
        n = vals[-2] + vals[-1] * 45
        if n > 0xFF:
            raise Fail("ERR_BASE45", "decode")
        out.append(n)
    return bytes(out)


# ---------------------------------------------------------------- strict inflate (RFC 1950/1951)
# A port of the structure of zlib's puff.c, with the doc's extra rules: zero padding bits, NLEN
# complement, the final block ending where the Adler-32 begins, and an output cap checked
# before each write.


class _Bits:
    def __init__(self, data, end):
        self.data, self.pos, self.end = data, 0, end
        self.buf = self.cnt = 0

    def bits(self, need):
        val, cnt = self.buf, self.cnt
        while cnt < need:
            if self.pos >= self.end:
                raise Fail("ERR_INFLATE", "decode")
            val |= self.data[self.pos] << cnt
            self.pos += 1
            cnt += 8
        self.buf, self.cnt = val >> need, cnt - need
        return val & ((1 << need) - 1)


class _Huffman:
    def __init__(self, lengths):
        self.count = [0] * 16
        for length in lengths:
            self.count[length] += 1
        self.symbol = [0] * len(lengths)
        self.left = 0
        if self.count[0] == len(lengths):
            return
        left = 1
        for length in range(1, 16):
            left = (left << 1) - self.count[length]
            if left < 0:
                self.left = left  # over-subscribed
                return
        offs = [0] * 16
        for length in range(1, 15):
            offs[length + 1] = offs[length] + self.count[length]
        for sym, length in enumerate(lengths):
            if length:
                self.symbol[offs[length]] = sym
                offs[length] += 1
        self.left = left  # > 0: incomplete


def _decode(s, h):
    code = first = index = 0
    for length in range(1, 16):
        code |= s.bits(1)
        count = h.count[length]
        if code - count < first:
            return h.symbol[index + (code - first)]
        index += count
        first = (first + count) << 1
        code <<= 1
    raise Fail("ERR_INFLATE", "decode")


_LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
_LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
_DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
_DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
_FIXED_L = _Huffman([8] * 144 + [9] * 112 + [7] * 24 + [8] * 8)
_FIXED_D = _Huffman([5] * 30)
_CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]


def _grow(out, n, cap, too_large):
    if len(out) + n > cap:
        raise Fail(too_large, "decode")


def _codes(s, out, lencode, distcode, cap, too_large):
    while True:
        sym = _decode(s, lencode)
        if sym < 256:
            _grow(out, 1, cap, too_large)
            out.append(sym)
        elif sym == 256:
            return
        else:
            sym -= 257
            if sym >= 29:
                raise Fail("ERR_INFLATE", "decode")
            length = _LBASE[sym] + s.bits(_LEXT[sym])
            dsym = _decode(s, distcode)
            if dsym >= 30:
                raise Fail("ERR_INFLATE", "decode")
            dist = _DBASE[dsym] + s.bits(_DEXT[dsym])
            if dist > len(out):
                raise Fail("ERR_INFLATE", "decode")
            _grow(out, length, cap, too_large)
            for _ in range(length):
                out.append(out[-dist])


def _dynamic(s):
    nlen = s.bits(5) + 257
    ndist = s.bits(5) + 1
    ncode = s.bits(4) + 4
    if nlen > 286 or ndist > 30:
        raise Fail("ERR_INFLATE", "decode")
    lengths = [0] * 19
    for i in range(ncode):
        lengths[_CL_ORDER[i]] = s.bits(3)
    lencode = _Huffman(lengths)
    if lencode.left != 0:
        raise Fail("ERR_INFLATE", "decode")
    lengths = []
    while len(lengths) < nlen + ndist:
        sym = _decode(s, lencode)
        if sym < 16:
            lengths.append(sym)
            continue
        if sym == 16:
            if not lengths:
                raise Fail("ERR_INFLATE", "decode")
            value, rep = lengths[-1], 3 + s.bits(2)
        elif sym == 17:
            value, rep = 0, 3 + s.bits(3)
        else:
            value, rep = 0, 11 + s.bits(7)
        if len(lengths) + rep > nlen + ndist:
            raise Fail("ERR_INFLATE", "decode")
        lengths += [value] * rep
    if lengths[256] == 0:
        raise Fail("ERR_INFLATE", "decode")
    lit = _Huffman(lengths[:nlen])
    if lit.left < 0 or (lit.left > 0 and nlen != lit.count[0] + lit.count[1]):
        raise Fail("ERR_INFLATE", "decode")
    dist = _Huffman(lengths[nlen:])
    if dist.left < 0 or (dist.left > 0 and ndist != dist.count[0] + dist.count[1]):
        raise Fail("ERR_INFLATE", "decode")
    return lit, dist


def zlib_inflate(data, cap=65536, too_large="ERR_INFLATE_TOO_LARGE", bad="ERR_INFLATE"):
    try:
        return _zlib_inflate(data, cap, too_large)
    except Fail as f:
        if f.code == "ERR_INFLATE":
            raise Fail(bad, f.stage) from None
        raise


def _zlib_inflate(data, cap, too_large):
    if len(data) < 2 + 1 + 4:
        raise Fail("ERR_INFLATE", "decode")
    cmf, flg = data[0], data[1]
    if cmf & 0x0F != 8 or cmf >> 4 > 7 or (cmf * 256 + flg) % 31 != 0 or flg & 0x20:
        raise Fail("ERR_INFLATE", "decode")
    end = len(data) - 4
    s = _Bits(memoryview(data)[2:end], end - 2)
    out = bytearray()
    last = 0
    while not last:
        last = s.bits(1)
        btype = s.bits(2)
        if btype == 0:
            if s.buf != 0:  # padding bits before a stored block
                raise Fail("ERR_INFLATE", "decode")
            s.buf = s.cnt = 0
            if s.pos + 4 > s.end:
                raise Fail("ERR_INFLATE", "decode")
            ln = s.data[s.pos] | s.data[s.pos + 1] << 8
            nln = s.data[s.pos + 2] | s.data[s.pos + 3] << 8
            s.pos += 4
            if ln != (~nln & 0xFFFF):
                raise Fail("ERR_INFLATE", "decode")
            if s.pos + ln > s.end:
                raise Fail("ERR_INFLATE", "decode")
            _grow(out, ln, cap, too_large)
            out += s.data[s.pos : s.pos + ln]
            s.pos += ln
        elif btype == 1:
            _codes(s, out, _FIXED_L, _FIXED_D, cap, too_large)
        elif btype == 2:
            lit, dist = _dynamic(s)
            _codes(s, out, lit, dist, cap, too_large)
        else:
            raise Fail("ERR_INFLATE", "decode")
    if s.buf != 0 or s.pos != s.end:  # padding after the final block; nothing before the Adler-32
        raise Fail("ERR_INFLATE", "decode")
    if zlib.adler32(bytes(out)) != int.from_bytes(data[end:], "big"):
        raise Fail("ERR_INFLATE", "decode")
    return bytes(out)


# ---------------------------------------------------------------- strict CBOR (RFC 8949)
# Section 2.1: the value model (numbers, big integers, map-key equality), indefinite lengths
# accepted, depth 16.

MAX_DEPTH = 16
SAFE = 2**53 - 1


class Tag:
    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class BigInt:
    """An integer outside ±(2^53 − 1): never a number (section 2.1)."""

    def __init__(self, value):
        self.value = value


class Undefined:
    pass


UNDEFINED = Undefined()
BREAK = object()


def is_number(v):
    return (isinstance(v, int) and not isinstance(v, bool)) or isinstance(v, float)


def is_safe_int(v):
    """Section 2.1 "integer": a number with an integral value within ±(2^53 − 1) (2.0 counts)."""
    if isinstance(v, float):
        return v.is_integer() and abs(v) <= SAFE
    return is_number(v)


def is_time(v):
    """Section 1.4 NumericDate: a finite number ≥ 0 (floats and fractions included)."""
    return is_number(v) and not math.isnan(v) and not math.isinf(v) and v >= 0


def norm_key(v, raw=None):
    """Map-key identity of section 2.1: numbers by value (1 = 1.0, 0 = −0.0, NaN = NaN), big
    integers by value apart from numbers, byte strings by value, arrays, maps and tags by their
    encoded bytes (raw)."""
    if isinstance(v, bool):
        return ("s", v)
    if v is None:
        return ("s", "null")
    if v is UNDEFINED:
        return ("s", "undefined")
    if isinstance(v, float):
        if math.isnan(v):
            return ("n", "nan")
        if v.is_integer():
            return ("n", int(v))
        return ("n", v)
    if isinstance(v, int):
        return ("n", v)
    if isinstance(v, BigInt):
        return ("big", v.value)
    if isinstance(v, str):
        return ("t", v)
    if isinstance(v, bytes):
        return ("b", v)
    if raw is None:
        raise TypeError("composite keys are identified by their encoding")
    return ("r", raw)


class CMap:
    """A decoded CBOR map, keyed by the identity of section 2.1."""

    def __init__(self):
        self.d = {}

    def get(self, key, default=None):
        e = self.d.get(norm_key(key))
        return default if e is None else e[1]

    def has(self, key):
        return norm_key(key) in self.d

    def present(self, key):
        """Present with a value other than CBOR undefined (0xf7), which counts as absent."""
        return self.has(key) and self.get(key) is not UNDEFINED

    def keys(self):
        return [k for k, _ in self.d.values()]

    def items(self):
        return list(self.d.values())


def cbor_decode(data):
    data = bytes(data)
    item, pos = _cbor_item(data, 0, 0)
    if item is BREAK:
        raise Fail("ERR_CBOR", "decode")
    if pos != len(data):
        raise Fail("ERR_CBOR_TRAILING", "decode")
    return item


def _cbor_arg(data, pos, ai):
    """The argument; -1 for indefinite (ai 31)."""
    if ai < 24:
        return ai, pos
    if ai <= 27:
        n = 1 << (ai - 24)
        if pos + n > len(data):
            raise Fail("ERR_CBOR", "decode")
        return int.from_bytes(data[pos : pos + n], "big"), pos + n
    if ai == 31:
        return -1, pos
    raise Fail("ERR_CBOR", "decode")  # 28–30 reserved


def _half(b):
    h = int.from_bytes(b, "big")
    exp, mant = (h >> 10) & 0x1F, h & 0x3FF
    if exp == 0:
        val = mant * 2.0**-24
    elif exp == 31:
        val = float("inf") if mant == 0 else float("nan")
    else:
        val = (mant + 1024) * 2.0 ** (exp - 25)
    return -val if h & 0x8000 else val


def _count(data, pos, ai, indefinite_ok=True):
    """A length or count: indefinite (-1) where allowed, else at most the bytes left."""
    n, pos = _cbor_arg(data, pos, ai)
    if n == -1:
        if not indefinite_ok:
            raise Fail("ERR_CBOR", "decode")
        return n, pos
    if n > len(data) - pos:
        raise Fail("ERR_CBOR", "decode")
    return n, pos


def _value(data, pos, depth):
    item, pos = _cbor_item(data, pos, depth)
    if item is BREAK:
        raise Fail("ERR_CBOR", "decode")
    return item, pos


def _cbor_item(data, pos, depth):
    if pos >= len(data):
        raise Fail("ERR_CBOR", "decode")
    ib = data[pos]
    pos += 1
    mt, ai = ib >> 5, ib & 0x1F
    if mt == 7:
        if ai == 20:
            return False, pos
        if ai == 21:
            return True, pos
        if ai == 22:
            return None, pos
        if ai == 23:
            return UNDEFINED, pos
        if ai in (25, 26, 27):
            n = 1 << (ai - 24)
            if pos + n > len(data):
                raise Fail("ERR_CBOR", "decode")
            raw = data[pos : pos + n]
            val = _half(raw) if n == 2 else struct.unpack(">f" if n == 4 else ">d", raw)[0]
            return val, pos + n
        if ai == 31:
            return BREAK, pos  # only an indefinite container may take it
        # 0–19 and 24 (0xf8 xx) simple values, 28–30 reserved
        raise Fail("ERR_CBOR", "decode")
    if mt in (0, 1):
        val, pos = _cbor_arg(data, pos, ai)
        if val == -1:
            raise Fail("ERR_CBOR", "decode")
        if mt == 1:
            val = -1 - val
        return (val if -SAFE <= val <= SAFE else BigInt(val)), pos
    if mt in (2, 3):
        n, pos = _count(data, pos, ai)
        if n == -1:  # definite chunks of the same major type, concatenated, up to a break
            raw = b""
            while True:
                if pos >= len(data):
                    raise Fail("ERR_CBOR", "decode")
                cb = data[pos]
                pos += 1
                if cb == 0xFF:
                    break
                if cb >> 5 != mt:
                    raise Fail("ERR_CBOR", "decode")
                cn, pos = _count(data, pos, cb & 0x1F, indefinite_ok=False)
                raw += data[pos : pos + cn]
                pos += cn
        else:
            raw = data[pos : pos + n]
            pos += n
        if mt == 2:
            return raw, pos
        try:
            return raw.decode("utf-8", errors="strict"), pos
        except UnicodeDecodeError:
            raise Fail("ERR_CBOR", "decode") from None
    # arrays, maps and tags: one level each, checked before their head's argument is read
    if depth >= MAX_DEPTH:
        raise Fail("ERR_CBOR_DEPTH", "decode")
    if mt == 4:
        n, pos = _count(data, pos, ai)
        items = []
        while n == -1 or len(items) < n:
            item, pos = _cbor_item(data, pos, depth + 1)
            if item is BREAK:
                if n != -1:
                    raise Fail("ERR_CBOR", "decode")
                break
            items.append(item)
        return items, pos
    if mt == 5:
        n, pos = _count(data, pos, ai)
        m = CMap()
        i = 0
        while n == -1 or i < n:
            start = pos
            k, pos = _cbor_item(data, pos, depth + 1)
            if k is BREAK:
                if n != -1:
                    raise Fail("ERR_CBOR", "decode")
                break
            nk = norm_key(k, data[start:pos])
            if nk in m.d:
                raise Fail("ERR_CBOR_DUPLICATE_KEY", "decode")
            v, pos = _value(data, pos, depth + 1)
            m.d[nk] = (k, v)
            i += 1
        return m, pos
    tag, pos = _cbor_arg(data, pos, ai)
    if tag == -1 or tag > SAFE:
        raise Fail("ERR_CBOR", "decode")
    item, pos = _value(data, pos, depth + 1)
    return Tag(tag, item), pos


# ---------------------------------------------------------------- keys

P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode("ascii")


def b64u_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


class Key:
    """A trusted public key: 'EC' (P-256, x and y) or 'OKP' (Ed25519, x)."""

    def __init__(self, kty, x, y=None, alg=None, issuer=None, valid_from=None, valid_to=None, usage=None):
        self.kty, self.x, self.y = kty, x, y
        self.alg, self.issuer = alg, issuer  # alg/issuer None: a directly configured key
        self.valid_from, self.valid_to, self.usage = valid_from, valid_to, usage
        self.from_trust_list = False
        if kty == "EC":
            tp = '{"crv":"P-256","kty":"EC","x":"%s","y":"%s"}' % (b64u(x), b64u(y))
        else:
            tp = '{"crv":"Ed25519","kty":"OKP","x":"%s"}' % b64u(x)
        self.kid = hashlib.sha256(tp.encode("ascii")).digest()[:8]

    @staticmethod
    def from_jwk(jwk):
        if jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
            return Key("EC", b64u_decode(jwk["x"]), b64u_decode(jwk["y"]))
        if jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
            return Key("OKP", b64u_decode(jwk["x"]))
        raise ValueError("unsupported JWK")

    def fits(self, alg):
        return (alg == -7 and self.kty == "EC") or (alg == -8 and self.kty == "OKP")

    def verify(self, alg, sig, message):
        """True/False; Fail(ERR_KEY_INVALID) when the key is not a point of its curve."""
        try:
            if self.kty == "EC":
                if len(self.x) != 32 or len(self.y) != 32:
                    raise ValueError("size")
                pub = ec.EllipticCurvePublicNumbers(
                    int.from_bytes(self.x, "big"), int.from_bytes(self.y, "big"), ec.SECP256R1()
                ).public_key()
            else:
                pub = ed25519.Ed25519PublicKey.from_public_bytes(self.x)
        except ValueError:
            raise Fail("ERR_KEY_INVALID", "key") from None
        try:
            if self.kty == "EC":
                der = utils.encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
                pub.verify(der, message, ec.ECDSA(hashes.SHA256()))
            else:
                pub.verify(sig, message)
            return True
        except InvalidSignature:
            return False


# ---------------------------------------------------------------- COSE_Sign1 (RFC 9052)


def bstr_head(n):
    if n < 24:
        return bytes([0x40 + n])
    if n < 0x100:
        return bytes([0x58, n])
    if n < 0x10000:
        return bytes([0x59]) + n.to_bytes(2, "big")
    return bytes([0x5A]) + n.to_bytes(4, "big")


def sig_structure(protected, payload):
    return (
        b"\x84\x6aSignature1"
        + bstr_head(len(protected))
        + protected
        + b"\x40"
        + bstr_head(len(payload))
        + payload
    )


class Sign1:
    pass


def parse_sign1(data):
    """Steps 5–6 (structure) of section 2.2: framing, the four items, labels, disjoint headers."""
    obj = cbor_decode(data)
    if isinstance(obj, Tag) and obj.tag == 61:
        obj = obj.value  # tag 61 may wrap tag 18 or the bare array
    if isinstance(obj, Tag):
        if obj.tag != 18:
            raise Fail("ERR_COSE_MALFORMED", "cose")
        obj = obj.value
    if not (
        isinstance(obj, list)
        and len(obj) == 4
        and isinstance(obj[0], bytes)
        and isinstance(obj[1], CMap)
        and isinstance(obj[2], bytes)
        and isinstance(obj[3], bytes)
    ):
        raise Fail("ERR_COSE_MALFORMED", "cose")
    m = Sign1()
    m.protected_bytes, m.unprotected, m.payload, m.signature = obj
    prot = CMap() if m.protected_bytes == b"" else cbor_decode(m.protected_bytes)
    if not isinstance(prot, CMap):
        raise Fail("ERR_COSE_MALFORMED", "cose")
    m.protected = prot
    for label in prot.keys() + m.unprotected.keys():
        if not (is_safe_int(label) or isinstance(label, str)):
            raise Fail("ERR_COSE_MALFORMED", "cose")
    for label in m.unprotected.keys():
        if prot.has(label):
            raise Fail("ERR_COSE_MALFORMED", "cose")
    return m


def read_headers(m, understood=(1, 4)):
    """Steps 6 (crit), 7 and 8 of section 2.2."""
    prot = m.protected
    if m.unprotected.has(2):
        raise Fail("ERR_COSE_MALFORMED", "cose")
    if prot.present(2):
        crit = prot.get(2)
        if not isinstance(crit, list) or not crit:
            raise Fail("ERR_COSE_MALFORMED", "cose")
        for label in crit:
            if not (is_number(label) or isinstance(label, str)) or not prot.has(label):
                raise Fail("ERR_COSE_MALFORMED", "cose")
            if norm_key(label) not in [norm_key(u) for u in understood]:
                raise Fail("ERR_COSE_CRIT", "cose")
    if not prot.present(1):
        raise Fail("ERR_ALG_UNPROTECTED" if m.unprotected.has(1) else "ERR_ALG_MISSING", "cose")
    alg = prot.get(1)
    if not is_number(alg) or alg not in (-7, -8):
        raise Fail("ERR_ALG_NOT_ALLOWED", "cose")
    m.alg = int(alg)
    if not prot.present(4):
        raise Fail("ERR_KID_MISSING", "cose")
    m.kid = prot.get(4)
    if not isinstance(m.kid, bytes):
        raise Fail("ERR_COSE_MALFORMED", "cose")


def to_be_signed(m):
    # Section 1.5 / RFC 9052 §4.4: an empty protected map is signed as a zero-length bstr.
    return sig_structure(b"" if not m.protected.d else m.protected_bytes, m.payload)


def check_signature(m, candidates):
    """Steps 10–12: keys fitting alg, then each in turn; the last one's failure is reported."""
    kept = [k for k in candidates if k.fits(m.alg) and (k.alg is None or k.alg == m.alg)]
    if not kept:
        raise Fail("ERR_KEY_ALG_MISMATCH", "key")
    sig = m.signature
    message = to_be_signed(m)
    failure = None
    for key in kept:
        if len(sig) != 64:
            failure = Fail("ERR_SIGNATURE_FORMAT", "signature")
            continue
        if m.alg == -7:
            r, s = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
            if not (0 < r < P256_N and 0 < s < P256_N):
                failure = Fail("ERR_SIGNATURE_RANGE", "signature")
                continue
        try:
            if key.verify(m.alg, sig, message):
                return key
            failure = Fail("ERR_SIGNATURE_INVALID", "signature")
        except Fail as f:
            failure = f
    raise failure


# ---------------------------------------------------------------- trust list (section 3)

TRUST_TYP = "application/ansinh-trust-list+cbor"
STATUS_TYP = "application/statuslist+cwt"
CARD_TYPES = {1: "social-security", 2: "health-insurance"}


class TrustList:
    pass


def load_trust_list(data, roots):
    m = parse_sign1(data)
    if m.protected.get(16) != TRUST_TYP:
        raise Fail("ERR_COSE_TYPE", "trust")
    read_headers(m, understood=(1, 4, 16))
    candidates = [k for k in roots if k.kid == m.kid]
    if not candidates:
        raise Fail("ERR_KID_UNKNOWN", "trust")
    check_signature(m, candidates)
    p = cbor_decode(m.payload)

    def bad():
        return Fail("ERR_TRUST_LIST_INVALID", "trust")

    if not isinstance(p, CMap):
        raise bad()
    tl = TrustList()
    tl.iss, tl.iat, tl.exp, tl.seq = p.get("iss"), p.get("iat"), p.get("exp"), p.get("seq")
    entries = p.get("keys")
    if not (isinstance(tl.iss, str) and is_safe_int(tl.iat) and is_safe_int(tl.exp) and is_safe_int(tl.seq)):
        raise bad()
    if tl.seq < 0 or not isinstance(entries, list):
        raise bad()
    tl.keys = []
    for e in entries:
        if not isinstance(e, CMap):
            raise bad()
        kid, alg, ck = e.get("kid"), e.get("alg"), e.get("key")
        issuer, vf, vt, usage = e.get("issuer"), e.get("validFrom"), e.get("validTo"), e.get("usage")
        if not isinstance(ck, CMap):
            raise bad()
        kty, crv, x, y = ck.get(1), ck.get(-1), ck.get(-2), ck.get(-3)
        coord = lambda c: isinstance(c, bytes) and len(c) == 32  # noqa: E731
        if kty == 2 and crv == 1 and coord(x) and coord(y):
            key = Key("EC", x, y, None, issuer, vf, vt, usage)
        elif kty == 1 and crv == 6 and coord(x):
            key = Key("OKP", x, None, None, issuer, vf, vt, usage)
        else:
            raise bad()
        ok = (
            isinstance(kid, bytes)
            and kid == key.kid
            and is_number(alg)
            and alg == (-7 if key.kty == "EC" else -8)
            and isinstance(issuer, str)
            and issuer != ""
            and is_safe_int(vf)
            and is_safe_int(vt)
            and isinstance(usage, list)
            and all(isinstance(u, str) for u in usage)
        )
        if not ok:
            raise bad()
        key.alg = int(alg)
        key.from_trust_list = True
        tl.keys.append(key)
    return tl


# ---------------------------------------------------------------- CWT claims (sections 1.4, 4)


def read_claims(p, required):
    """The standard claims of section 1.4 (also used by status lists); ERR_CLAIMS_MALFORMED."""
    malformed = Fail("ERR_CLAIMS_MALFORMED", "claims")
    checks = {
        1: lambda v: isinstance(v, str) and v != "",
        2: lambda v: isinstance(v, str) and v != "",
        4: is_time,
        5: is_time,
        6: is_time,
        7: lambda v: isinstance(v, bytes),
    }
    out = {}
    for key, check in checks.items():
        if p.present(key):
            if not check(p.get(key)):
                raise malformed
            out[key] = p.get(key)
    for key in required:
        if key not in out:
            raise malformed
    return out


# ---------------------------------------------------------------- status list (section 4)


class StatusList:
    pass


def read_status_list_payload(payload):
    """The token's payload, before its signature is checked; ERR_STATUS_LIST_INVALID."""
    invalid = Fail("ERR_STATUS_LIST_INVALID", "status")
    try:
        p = cbor_decode(payload)
        if not isinstance(p, CMap):
            raise invalid
        c = read_claims(p, (2, 6))
    except Fail:
        raise invalid from None
    sl = StatusList()
    sl.iss, sl.sub, sl.iat, sl.exp = c.get(1), c[2], c[6], c.get(4)
    ttl = p.get(65534)
    if p.present(65534) and not (is_safe_int(ttl) and ttl > 0):
        raise invalid
    body = p.get(65533)
    if not isinstance(body, CMap):
        raise invalid
    bits, lst = body.get("bits"), body.get("lst")
    if not (is_number(bits) and bits in (1, 2)) or not isinstance(lst, bytes):
        raise invalid
    sl.bits = int(bits)
    sl.lst = zlib_inflate(lst, 16 << 20, "ERR_STATUS_LIST_INVALID", "ERR_STATUS_LIST_INVALID")
    if not sl.lst:
        raise invalid
    return sl


class StatusLists:
    """Section 4: lists held per issuer and URI, and the failures remembered per URI."""

    def __init__(self):
        self.held = {}  # uri -> [StatusList]
        self.failures = {}  # uri -> code

    def add(self, data, keys):
        """Loads one token; returns the problem's code or None."""
        try:
            m = parse_sign1(data)
            if m.protected.get(16) != STATUS_TYP:
                raise Fail("ERR_STATUS_LIST_INVALID", "status")
            sl = read_status_list_payload(m.payload)
        except Fail:
            return "ERR_STATUS_LIST_INVALID"  # no authenticated URI: no card is affected
        try:
            read_headers(m, understood=(1, 4, 16))
            signer = check_signature(m, [k for k in keys if k.kid == m.kid])
            if signer.valid_from is not None and not (signer.valid_from <= sl.iat <= signer.valid_to):
                raise Fail("ERR_STATUS_LIST_INVALID", "status")
            if signer.issuer is not None and sl.iss is not None and sl.iss != signer.issuer:
                raise Fail("ERR_STATUS_LIST_ISSUER", "status")
        except Fail as f:
            code = "ERR_STATUS_LIST_ISSUER" if f.code == "ERR_STATUS_LIST_ISSUER" else "ERR_STATUS_LIST_INVALID"
            self.failures[sl.sub] = code
            return code
        sl.signer = signer
        sl.issuer = signer.issuer if signer.issuer is not None else sl.iss
        others = []
        for h in self.held.get(sl.sub, []):
            same = h.issuer == sl.issuer and (h.issuer is not None or h.signer is signer)
            if not same:
                others.append(h)
            elif h.iat > sl.iat:
                return "ERR_STATUS_LIST_OUTDATED"
        self.held[sl.sub] = others + [sl]
        return None


# ---------------------------------------------------------------- the card map (section 1.3)

PROGRAMS = {
    1: "social-assistance",
    2: "poverty-reduction",
    3: "meritorious-services",
    4: "unemployment-insurance",
    5: "social-insurance",
    6: "health-insurance",
    7: "children",
    8: "vocational-training",
    9: "employment",
}
EPOCH = datetime.date(1970, 1, 1)
FIRST_DAY = (datetime.date(1900, 1, 1) - EPOCH).days
LAST_DAY = (datetime.date(2199, 12, 31) - EPOCH).days
# Section 1.3: the white space a name may not start or end with.
TRIMMED = set("\t\n\x0b\x0c\r \xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {
    chr(c) for c in range(0x2000, 0x200B)
}
CARD_FIELDS = {1: "type", 2: "personalId", 3: "name", 4: "dateOfBirth", 5: "sex", 6: "socialInsuranceNumber", 7: "healthInsurance", 8: "programs"}
HI_FIELDS = {1: "cardNumber", 2: "validFrom", 3: "validTo", 4: "facility"}


def schema(detail):
    return Fail("ERR_PAYLOAD_SCHEMA", "claims", detail)


def kind_ok(kind, v):
    if kind == "int":
        return is_safe_int(v)
    if kind == "bytes":
        return isinstance(v, bytes)
    if kind == "text":
        return isinstance(v, str)
    if kind == "map":
        return isinstance(v, CMap)
    return isinstance(v, list)


def read_fields(m, names, kinds, required, top):
    """Wire-level checks of section 1.3: map, known keys, field types, required keys."""
    if not isinstance(m, CMap):
        raise schema("CARD_NOT_A_MAP" if top else "CARD_FIELD_TYPE")
    by_key = {norm_key(k): n for k, n in names.items()}
    out = {}
    for k, v in m.items():
        name = by_key.get(norm_key(k))
        if name is None:
            raise schema("CARD_UNKNOWN_FIELD")
        if not kind_ok(kinds[name], v):
            raise schema("CARD_FIELD_TYPE")
        out[name] = v
    for k in required:
        if not m.has(k):
            raise schema("CARD_FIELD_MISSING")
    return out


def bcd(raw, digits, detail):
    out = ""
    for b in raw:
        hi, lo = b >> 4, b & 0x0F
        if hi > 9 or lo > 9:
            raise schema(detail)
        out += "%d%d" % (hi, lo)
    if len(out) != digits:
        raise schema(detail)
    return out


def day(v):
    v = int(v)
    if not FIRST_DAY <= v <= LAST_DAY:
        raise schema("CARD_DATE_INVALID")
    return (EPOCH + datetime.timedelta(days=v)).isoformat()


def ascii_digits(s, n):
    return len(s) == n and all("0" <= c <= "9" for c in s)


def decode_card(m):
    f = read_fields(
        m,
        CARD_FIELDS,
        {"type": "int", "personalId": "bytes", "name": "text", "dateOfBirth": "int", "sex": "int",
         "socialInsuranceNumber": "bytes", "healthInsurance": "map", "programs": "array"},
        (1, 2, 3, 4, 5),
        True,
    )
    card = {"schemaVersion": 1}
    t = int(f["type"])
    if t not in CARD_TYPES:
        raise schema("CARD_TYPE_INVALID")
    card["type"] = CARD_TYPES[t]
    card["personalId"] = bcd(f["personalId"], 12, "CARD_PERSONAL_ID_INVALID")
    name = f["name"]
    if not (
        1 <= len(name) <= 80
        and name[0] not in TRIMMED
        and name[-1] not in TRIMMED
        and unicodedata.is_normalized("NFC", name)
        and not any(ord(c) <= 0x1F or 0x7F <= ord(c) <= 0x9F for c in name)
    ):
        raise schema("CARD_NAME_INVALID")
    card["name"] = name
    card["dateOfBirth"] = day(f["dateOfBirth"])
    sex = int(f["sex"])
    if sex not in (1, 2):
        raise schema("CARD_SEX_INVALID")
    card["sex"] = "male" if sex == 1 else "female"
    sin = None
    if "socialInsuranceNumber" in f:
        sin = bcd(f["socialInsuranceNumber"], 10, "CARD_SI_NUMBER_INVALID")
        card["socialInsuranceNumber"] = sin
    if "healthInsurance" in f:
        card["healthInsurance"] = decode_health_insurance(f["healthInsurance"], sin)
    elif t == 2:
        raise schema("CARD_HI_REQUIRED")
    if "programs" in f:
        seen = []
        for p in f["programs"]:
            if not is_safe_int(p) or int(p) not in PROGRAMS or int(p) in seen:
                raise schema("CARD_PROGRAM_INVALID")
            seen.append(int(p))
        card["programs"] = [PROGRAMS[p] for p in seen]
    return card


def decode_health_insurance(hi, sin):
    f = read_fields(
        hi,
        HI_FIELDS,
        {"cardNumber": "text", "validFrom": "int", "validTo": "int", "facility": "text"},
        (1, 2, 3),
        False,
    )
    number = f["cardNumber"]
    if len(number) != (5 if sin is not None else 15):
        raise schema("CARD_HI_NUMBER_INVALID")
    if sin is not None:
        number += sin
    if not (
        all("A" <= c <= "Z" for c in number[:2]) and number[2] in "12345" and ascii_digits(number[3:], 12)
    ):
        raise schema("CARD_HI_NUMBER_INVALID")
    out = {"cardNumber": number, "validFrom": day(f["validFrom"]), "validTo": day(f["validTo"])}
    if "facility" in f:
        if not ascii_digits(f["facility"], 5):
            raise schema("CARD_HI_FACILITY_INVALID")
        out["facility"] = f["facility"]
    if out["validFrom"] > out["validTo"]:
        raise schema("CARD_HI_PERIOD_INVALID")
    return out


# ---------------------------------------------------------------- verification (section 2.2)


class Verifier:
    def __init__(self, now, skew, roots, trust_list_hex, status_list_hexes, require_status):
        self.now, self.skew, self.require_status = now, skew, require_status
        self.trust_list, self.trust_failure = None, None
        if trust_list_hex is not None:
            try:
                self.trust_list = load_trust_list(bytes.fromhex(trust_list_hex), roots)
            except Fail as f:
                self.trust_failure = f
        self.keys = list(self.trust_list.keys) if self.trust_list else []
        self.status_lists = StatusLists()
        self.problems = [self.trust_failure.code] if self.trust_failure else []
        for h in status_list_hexes:
            problem = self.status_lists.add(bytes.fromhex(h), self.keys)
            if problem:
                self.problems.append(problem)

    def verify(self, text):
        result = {"valid": False, "code": None, "stage": None, "detail": None}
        result["kid"] = result["issuer"] = result["status"] = result["card"] = result["stages"] = None
        try:
            self._verify(text, result)
            result["valid"] = True
        except Fail as f:
            result["code"], result["stage"], result["detail"] = f.code, f.stage, f.detail
        return result

    def _verify(self, text, result):
        if not isinstance(text, str):
            raise Fail("ERR_INPUT_TYPE", "input")
        if len(text.encode("utf-16-le", "surrogatepass")) // 2 > 4296:  # UTF-16 code units
            raise Fail("ERR_TOO_LONG", "input")
        if not text.startswith("AS1:"):
            raise Fail("ERR_PREFIX", "input")
        compressed = base45_decode(text[4:])
        cose = zlib_inflate(compressed)
        m = parse_sign1(cose)
        read_headers(m)
        result["kid"] = m.kid.hex()
        result["stages"] = {
            "zlib": compressed.hex(),
            "coseSign1": cose.hex(),
            "protectedHeader": m.protected_bytes.hex(),
            "cwtPayload": m.payload.hex(),
            "sigStructure": to_be_signed(m).hex(),
            "signature": m.signature.hex(),
        }
        candidates = [k for k in self.keys if k.kid == m.kid]
        if not candidates:
            if self.trust_failure is not None:
                raise self.trust_failure
            raise Fail("ERR_KID_UNKNOWN", "key")
        key = check_signature(m, candidates)
        now, skew = self.now, self.skew
        if key.from_trust_list and not now - skew < self.trust_list.exp:
            raise Fail("ERR_TRUST_LIST_EXPIRED", "trust")
        claims = cbor_decode(m.payload)
        malformed = Fail("ERR_CLAIMS_MALFORMED", "claims")
        if not isinstance(claims, CMap):
            raise malformed
        c = read_claims(claims, (1, 6, 4))
        iss, iat, exp, nbf = c[1], c[6], c[4], c.get(5)
        status_ref = None
        if claims.present(65535):
            st = claims.get(65535)
            ref = st.get("status_list") if isinstance(st, CMap) else None
            if not isinstance(ref, CMap):
                raise malformed
            idx, uri = ref.get("idx"), ref.get("uri")
            if not (is_safe_int(idx) and idx >= 0 and isinstance(uri, str) and uri != ""):
                raise malformed
            status_ref = (int(idx), uri)
        result["issuer"] = iss
        if key.issuer is not None and key.issuer != iss:
            raise Fail("ERR_KID_OTHER_ISSUER", "key")
        if key.valid_from is not None and not key.valid_from <= iat <= key.valid_to:
            raise Fail("ERR_KEY_VALIDITY", "key")
        if not claims.has(-65537):
            raise malformed
        card = decode_card(claims.get(-65537))
        if key.usage is not None and card["type"] not in key.usage:
            raise Fail("ERR_KEY_USAGE", "key")
        result["card"] = card  # genuine from here on: later failures still show it
        if (nbf is not None and nbf > now + skew) or iat > now + skew:
            raise Fail("ERR_CREDENTIAL_NOT_YET_VALID", "time")
        if now - skew >= exp:
            raise Fail("ERR_CREDENTIAL_EXPIRED", "time")
        result["status"] = "none" if status_ref is None else self._status(key, iss, *status_ref)

    def _status(self, key, iss, idx, uri):
        held = self.status_lists.held.get(uri, [])
        if not held:
            failure = self.status_lists.failures.get(uri)
            if failure:
                raise Fail(failure, "status")
            if self.require_status:
                raise Fail("ERR_STATUS_UNAVAILABLE", "status")
            return "unchecked"
        card_issuer = key.issuer if key.issuer is not None else iss
        mine = [h for h in held if (h.issuer is not None and h.issuer == card_issuer) or h.signer is key]
        if not mine:
            raise Fail("ERR_STATUS_LIST_ISSUER", "status")
        sl = max(mine, key=lambda h: h.iat)
        if sl.exp is not None and self.now - self.skew >= sl.exp:
            raise Fail("ERR_STATUS_LIST_EXPIRED", "status")
        if idx >= len(sl.lst) * 8 // sl.bits:
            raise Fail("ERR_STATUS_INDEX", "status")
        bit = idx * sl.bits
        value = (sl.lst[bit // 8] >> (bit % 8)) & ((1 << sl.bits) - 1)
        if value == 1:
            raise Fail("ERR_REVOKED", "status")
        if value == 2:
            raise Fail("ERR_SUSPENDED", "status")
        if value == 3:
            raise Fail("ERR_STATUS_UNKNOWN", "status")
        return "valid"


def parse_time(iso):
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp())


def main():
    raw = open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else sys.stdin.read()
    req = json.loads(raw)
    with open(req["vectors"], encoding="utf-8") as f:
        vectors = json.load(f)
    now = parse_time(req.get("at") or vectors["verifyAt"])
    roots = [Key.from_jwk(vectors["keys"]["root"]["public"])]
    trust_hex = req["trustList"] if "trustList" in req else vectors.get("trustList")
    status_hexes = req["statusLists"] if "statusLists" in req else [vectors["statusList"]]
    verifier = Verifier(now, req.get("skew", 300), roots, trust_hex, status_hexes, req.get("requireStatus", False))
    for h in req.get("inflate", []):
        try:
            line = {"inflated": zlib_inflate(bytes.fromhex(h)).hex(), "code": None}
        except Fail as f:
            line = {"inflated": None, "code": f.code}
        sys.stdout.write(json.dumps(line) + "\n")
    texts = [] if req.get("onlyTexts") else [{"name": c["name"], "qr": c["qr"]} for c in vectors["credentials"]]
    texts += req.get("texts", [])
    for t in texts:
        out = {"name": t["name"]}
        out.update(verifier.verify(t["qr"]))
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    for run in req.get("runs", []):
        v = Verifier(now, req.get("skew", 300), roots, trust_hex, run["statusLists"], run.get("requireStatus", False))
        sys.stdout.write(json.dumps({"name": run["name"], "problems": v.problems}) + "\n")
        for t in run["texts"]:
            out = {"name": run["name"] + "/" + t["name"]}
            out.update(v.verify(t["qr"]))
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
