/**
 * A text file a user names (a scenario file), read with care: what sits at the path is checked before
 * a byte is read — a regular file, not a folder, a named pipe that would wait for ever or a device —
 * and so is its size; then its bytes must be UTF-8 text. Each refusal is a ProblemError naming the
 * file, what was expected and what was found: "no such file", "a loop of symbolic links", "a folder",
 * "a named pipe (FIFO)", "a file of 50 MiB (52,428,837 bytes)", "an empty file", "UTF-16 text", "binary content".
 *
 * A UTF-8 byte-order mark is read and dropped, in YAML and JSON alike: editors on Windows write one,
 * the YAML specification allows it and RFC 8259 (JSON, section 8.1) lets a parser ignore it, while it
 * cannot be seen in an editor, so refusing it would leave a user looking for what is wrong.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { ProblemError } from '../problems/index';

/** What a failed open found, in words. */
function openFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'ELOOP': return 'a loop of symbolic links';
    case 'ENOTDIR': return 'no such file (a part of the path is not a folder)';
    case 'EACCES':
    case 'EPERM': return 'a file it may not read (permission denied)';
    case 'ENAMETOOLONG': return 'a name too long for the file system';
    default: return `a file that cannot be opened (${code ?? (e as Error).message})`;
  }
}

/** What sits at a path that is not a regular file, in words. */
function notAFile(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}

/** A size in bytes, in words: "512 bytes", "3.2 KiB", "50 MiB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [size, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KiB'] : [bytes / 1024 ** 2, 'MiB'];
  return `${size.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`;
}

/**
 * What `bytes` hold as text, or what they are instead: an empty file, UTF-16 text (with its byte-order
 * mark, or without one: every other byte zero), binary content (a zero byte, or bytes that are not UTF-8).
 */
function textOf(bytes: Uint8Array): { text: string } | { found: string } {
  if (bytes.length === 0) return { found: 'an empty file' };
  const utf16Mark = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const zeros = [0, 1].map((parity) => bytes.filter((b, k) => b === 0 && k % 2 === parity).length);
  const utf16Unmarked = bytes.length % 2 === 0 && Math.max(...zeros) >= bytes.length / 4 && Math.min(...zeros) === 0;
  if (utf16Mark || utf16Unmarked) return { found: 'UTF-16 text' };
  if (zeros[0] + zeros[1] > 0) return { found: 'binary content' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }; // drops a byte-order mark
  } catch {
    return { found: 'binary content (bytes that are not UTF-8)' };
  }
}

/**
 * The text of the file at `path` (a byte-order mark dropped) and its bytes as read, refused unless it is
 * a regular file of at most `most` bytes holding UTF-8 text. `where` names it in problems; `what` is
 * what it should be ("a scenario file").
 */
export function readTextFile(path: string, where: string, what: string, most: number): { text: string; bytes: Buffer } {
  const refuse = (expected: string, got: string): never => {
    throw new ProblemError([{ file: where, path: '', expected, got }]);
  };
  let fd: number;
  try {
    // Not blocking: opening a named pipe would otherwise wait for a writer for ever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return refuse(what, openFailure(e));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse(what, notAFile(stat));
    if (stat.size > most) return refuse(`${what} of at most ${byteSize(most)} (${most.toLocaleString('en')} bytes)`, `a file of ${byteSize(stat.size)} (${stat.size.toLocaleString('en')} bytes)`);
    const bytes = readFileSync(fd);
    const read = textOf(bytes);
    return 'text' in read ? { text: read.text, bytes } : refuse(`${what} in UTF-8 text`, read.found);
  } finally {
    closeSync(fd);
  }
}
