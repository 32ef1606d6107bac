import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { threatensViolence } from './direct-threat';

describe('threatensViolence', () => {
  it.each([
    'I will shoot you tomorrow.',
    "I shall stab the principal, i'm done",
    'im gonna stab my stepdad',
    'I will come and bash the head of you at the game on friday.',
    'I am gonna come and blow the brains out of you soon',
    'I will kill you in your sleep',
    'Imma kill you',
    'I’ll murder you and your whole family',
    'We will bury them.',
    "If you tell anyone, I'm going to hurt your kids.",
  ])('reads %j as a threat', (text) => {
    expect(threatensViolence(text)).toBe(true);
  });

  it.each([
    "I'll shoot you a text later",
    "I'm going to kill you at chess",
    "I'm gonna kill you in Fortnite",
    "I'll beat you in the final",
    'I will never hurt you',
    'I will kill this exam',
    "I'm going to burn the toast",
    'I will beat your record',
    'My ex said he would kill me, what should I do?',
    'He said "you will die", and I reported him.',
    'Kill the process and start it again.',
  ])('reads %j as no threat', (text) => {
    expect(threatensViolence(text)).toBe(false);
  });

  it('reads long hostile texts in linear time', () => {
    const started = Date.now();
    expect(threatensViolence(`i will${' '.repeat(500_000)}x`)).toBe(false);
    expect(threatensViolence("i will kill you at chess, i'm gonna ".repeat(30_000))).toBe(false);
    expect(threatensViolence(`${'i '.repeat(300_000)}will stab you`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
