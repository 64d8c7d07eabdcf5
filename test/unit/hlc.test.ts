import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HybridLogicalClock, parseHlc } from '../../main/venue/hlc';

test('hlc ticks increase with a frozen wall clock', () => {
  const clock = new HybridLogicalClock('aa', () => 1_000);
  const first = clock.tick();
  const second = clock.tick();
  assert.ok(second > first);
  assert.equal(parseHlc(second).counter, 1);
});

test('hlc never goes backward when the wall clock does', () => {
  let wall = 5_000;
  const clock = new HybridLogicalClock('aa', () => wall);
  const before = clock.tick();
  wall = 1_000;
  assert.ok(clock.tick() > before);
});

test('hlc passes a received timestamp', () => {
  const remote = new HybridLogicalClock('bb', () => 9_000).tick();
  const local = new HybridLogicalClock('aa', () => 1_000);
  local.receive(remote);
  assert.ok(local.tick() > remote);
});

test('hlc string order matches time order', () => {
  const early = new HybridLogicalClock('ff', () => Date.UTC(2026, 0, 1)).tick();
  const late = new HybridLogicalClock('00', () => Date.UTC(2026, 11, 4)).tick();
  assert.ok(early < late);
});

test('hlc rejects a malformed timestamp', () => {
  assert.throws(() => parseHlc('yesterday'), /invalid hybrid logical clock/);
});
