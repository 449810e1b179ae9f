/**
 * The spoken call ("Mời số A không một bảy đến quầy số hai"), produced on the server by espeak-ng
 * (Debian package `espeak-ng`, Vietnamese voice `vi`) — offline, no cloud service. Each sentence is
 * made once and kept in memory (a day has a few hundred). When espeak-ng is not installed the
 * display stays with the chime (the quiet mode is the default anyway).
 */
import { execFile, execFileSync } from 'node:child_process';
import { LruCache } from '../shared/lru';

let available: boolean | undefined;

export function speechAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync('espeak-ng', ['--version'], { stdio: 'ignore', timeout: 5000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

const cache = new LruCache<Promise<Buffer>>(500);

/** A WAV of the sentence (Vietnamese voice, a little slower than the default for a hall). */
export function speak(sentence: string): Promise<Buffer> {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const p = new Promise<Buffer>((resolve, reject) => {
    execFile('espeak-ng', ['-v', 'vi', '-s', '140', '--stdout', sentence], { encoding: 'buffer', maxBuffer: 8 * 1024 * 1024, timeout: 10_000 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
  });
  cache.set(sentence, p);
  p.catch(() => cache.delete(sentence));
  return p;
}
