import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { threatTarget } from './direct-threat';

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
    'Write a text to my ex saying "I will kill you".',
    'Draft a message that says "I will shoot you tomorrow"',
    'I told him "I will kill you" and I meant it.',
    'im gonna follow him to his car and beat him senseless',
    "I'll hunt you down and strangle you",
    'You think you can fire me and walk away? I know where your kids go to school, Linda.',
    'i know where u sleep',
    'I swear I will smash your face in',
    "I'm gonna break his legs if he comes back",
    "I'll cut your throat while you sleep",
    'I hope you get cancer and die.',
    'You should just die already.',
    'i wish your whole family would burn in hell',
    'You deserve to suffer for what you did.',
    "Women refuse to respect us. I'm going to make them suffer for that.",
    'I will make you bleed.',
    "I have a gun and I'm going to shoot up my office on Monday.",
    'We will bomb the mosque on Friday.',
    'Kevin if you show up at my work again I swear I will slash your tires and then your face',
  ])('reads %j as a threat to a person', (text) => {
    expect(threatTarget(text)).toBe('person');
  });

  it.each([
    'I am going to shoot the next Muslim I see.',
    'We will hang all the Jews.',
    "I'm going to murder all the gays at the parade.",
    'I will kill every immigrant in this town.',
    "I'm going to stab a woman tomorrow.",
    'I really am just going to murder that trans person.',
    "I'll have to rape a Muslim today.",
    "We'll torture these immigrants without mercy.",
    'We are going to put an end to all Muslims.',
  ])('reads %j as a threat to people for who they are', (text) => {
    expect(threatTarget(text)).toBe('identity');
  });

  it.each([
    "You've got until Friday to pay me back or I'll burn your car with you in it.",
    'Sign the papers or your family gets hurt.',
    'If you testify on Monday, your little girl is going to pay for it.',
    "Nadia, you'll regret reporting me.",
    'Can you write "I will kill you tonight" in a note for my ex?',
    "You'll get hurt if you go to the police.",
  ])('reads %j as an ultimatum or a harm foretold to one who would tell', (text) => {
    expect(threatTarget(text)).toBe('person');
  });

  it.each([
    "You'll regret not buying Bitcoin.",
    "Wear a helmet or you'll get hurt.",
    "Pay me back or I'll tell your mom.",
    "Pay up or I'll beat your score.",
    'Drive carefully or you will end up in the hospital.',
    'If you tell mom about the party, you will regret it.',
    "You'll regret telling him the truth, he gossips.",
  ])('leaves the warning or the joke %j alone', (text) => {
    expect(threatTarget(text)).toBeNull();
  });

  it.each(['I will shoot the next person who cuts me off.', "I'll kill everyone at that school."])(
    'reads %j as a threat to anyone',
    (text) => {
      expect(threatTarget(text)).toBe('person');
    },
  );

  it.each([
    "I'll shoot you a text later",
    "I'm going to kill you at chess",
    "I'm gonna destroy you at bowling and beat you at Mario Kart",
    "I'm gonna kill you in Fortnite",
    "I'll beat you in the final",
    'I will never hurt you',
    'I will kill this exam',
    "I'm going to burn the toast",
    'I will beat your record',
    'My ex said he would kill me, what should I do?',
    'He said "you will die", and I reported him.',
    'Kill the process and start it again.',
    'He texted me "I will kill you" last night, what should I do?',
    'My ex keeps saying “I’m going to hurt you” when he is drunk.',
    'She said: "I will stab you" and left.',
    '"We will hang all the Jews" is vile and I reported it.',
    "I'm going to kill every mosquito in this house.",
    'I will beat all the Mexicans at soccer.',
    "I'm going to shoot a gay wedding and an Indian restaurant's menu tomorrow.",
    'You deserve to be in prison for threats like "I\'ll have to rape a woman today".',
    "I'm going to put an end to this argument.",
    "I'll make you pay for dinner next time.",
    'This workout is going to make you suffer, but in a good way.',
    "I'm going to kill it at the concert and blow up the charts.",
    'Our team will attack the problem and shoot up the rankings.',
    "I'll break your record and then your heart at the tournament.",
    'We will hang the pictures of the Muslims we met.',
    'I will follow you to the party and beat you at pool.',
    'Do you know where I live?',
    'My stalker wrote "I know where you live" in a note, what do I do?',
    'I know where your keys are.',
    'I know where you live now! Loved the housewarming.',
    'I hope you die laughing at this one.',
    'You should die your hair red.',
    'I hope you suffer no side effects from the vaccine.',
    "I hope you don't die of boredom at the meeting.",
    'My sister texted me "I hope you die" and blocked me. How do I respond?',
    'I hope they get better soon.',
    'I hope you burn lots of calories on that hike.',
    'I will break your heart one day, said the song.',
    "I'll cut your hair on Sunday.",
    "I'm going to crack your back, it will feel great.",
    'My friend was told "I will kill you" by her ex. Is that a crime?',
    'You can write "I\u2019ll slaughter anyone like you", but I will take you to court for that.',
  ])('reads %j as no threat', (text) => {
    expect(threatTarget(text)).toBeNull();
  });

  it('reads long hostile texts in linear time', () => {
    const started = Date.now();
    expect(threatTarget(`i will${' '.repeat(500_000)}x`)).toBeNull();
    expect(threatTarget("i will kill you at chess, i'm gonna ".repeat(30_000))).toBeNull();
    expect(threatTarget(`${'i '.repeat(300_000)}will stab you`)).toBe('person');
    expect(threatTarget(`i will kill all the${' '.repeat(500_000)}x`)).toBeNull();
    expect(threatTarget(`i know where${' '.repeat(500_000)}you`)).toBeNull();
    expect(threatTarget(`i hope you${' '.repeat(500_000)}x`)).toBeNull();
    expect(threatTarget('i hope you die laughing '.repeat(40_000))).toBeNull();
    expect(threatTarget('i will follow him to his '.repeat(40_000))).toBeNull();
    // A quotation is looked for within 120 characters of each threat: past that, the threats are read as said.
    expect(threatTarget(`he said "${'i will kill you '.repeat(60_000)}"`)).toBe('person');
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
