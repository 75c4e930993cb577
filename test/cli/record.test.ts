/**
 * The command a run's manifest records: the words as given, less what changes no result (--workers,
 * --threads, --out, --shard and their values), so the same seed gives the same manifest at any worker count, in
 * any folder, and on one machine or merged from shards.
 */
import { describe, expect, it } from 'vitest';
import { recordedCommand } from '../../src/cli/run';

describe('the command a manifest records', () => {
  it.each([
    ['every word kept', ['baseline', 'x.yaml', '--seed', '7'], ['graduasi', 'run', 'baseline', 'x.yaml', '--seed', '7']],
    ['--workers and its value left out', ['baseline', '--workers', '2', '--seed', '7'], ['graduasi', 'run', 'baseline', '--seed', '7']],
    ['--threads and its value left out', ['baseline', '--threads', '2', '--threads=1', '--seed', '7'], ['graduasi', 'run', 'baseline', '--seed', '7']],
    ['--out=FOLDER left out', ['--out=runs/a', '--years', '2022-2024'], ['graduasi', 'run', '--years', '2022-2024']],
    ['--shard K/N and --shard=K/N left out', ['--shard', '2/4', 'baseline', '--shard=1/4', '--seed', '7'], ['graduasi', 'run', 'baseline', '--seed', '7']],
    ['--out FOLDER and --workers=N left out', ['--out', 'runs/b', '--workers=1', '--lang', 'id'], ['graduasi', 'run', '--lang', 'id']],
  ])('%s', (_, argv, words) => {
    expect(recordedCommand('run', argv)).toEqual(words);
  });
});
