import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { plainSlurReading, slurSpans, usesASlur } from './slurs';

describe('usesASlur', () => {
  it.each([
    'Those wetbacks keep taking all the jobs around here.',
    'shut up you tranny nobody asked',
    'My new neighbour is a raghead, great.',
    'Typical muzzie behaviour, honestly.',
    'They are just a bunch of coons.',
    'Too many cripples in this country.',
    'what a fucking retard',
    'Queers just can\u2019t help themselves.',
    'lol the gooks at work got promoted again',
    'Get out of my shop, you dirty dyke.',
    'Get out of the way, cripple.',
    'Two dykes moved into the flat upstairs, great.',
    'The tranny community is sick.',
  ])('reads a slur said of people in %p', (text) => {
    expect(usesASlur(text)).toBe(true);
  });

  it.each([
    'The council built two dykes to protect the town from flooding.',
    'He went outside and smoked a fag before the meeting.',
    'We had faggots and peas with onion gravy for dinner.',
    'The coonhound chased a coon up the oak tree.',
    'I had a queer feeling that someone was watching me.',
    'The coating helps retard the spread of the flames.',
    'There was a chink in the armour of their defence.',
    'Add two kaffir lime leaves to the curry.',
    'The Negro Leagues produced some of the greatest players in baseball.',
    'Darky the puppy wagged her tail at the children in the park.',
    'He called me a wetback at school today and I told the teacher.',
    'Why would you think it\u2019s okay to call me a tranny?',
    'It\u2019s really not okay to be calling people kikes.',
    'What does the word gook mean and where does it come from?',
    'Statements like "those spics are animals" are deeply hurtful.',
    'I\u2019m a proud dyke and I\u2019m not going anywhere.',
    'me and my niggas at the game tonight',
    'Queer people deserve the same rights as everyone else.',
    'The queer community organised a beautiful pride march.',
    'Another queer book club meeting tonight, bring snacks.',
    'The tranny on my old pickup is slipping again.',
    'Old trannies like me remember when the bar was the only safe place.',
    'Nobody deserves to be called a dyke for holding her girlfriend\u2019s hand.',
  ])('leaves %p alone', (text) => {
    expect(usesASlur(text)).toBe(false);
  });

  it('points at the slur only', () => {
    const text = 'He smoked a fag outside. Then he yelled at those fags across the street.';
    expect(slurSpans(text).map((span) => text.slice(span.start, span.end))).toEqual(['fags']);
  });

  it('reads slur words not said as slurs in plain words, and leaves slurs said of people as written', () => {
    expect(plainSlurReading('Shout out to all my niggas at the gym.')).toBe(
      'Shout out to all my friends at the gym.',
    );
    expect(plainSlurReading('Someone wrote "dyke" on my locker.')).toBe('Someone wrote "slur" on my locker.');
    expect(plainSlurReading('He smoked a fag outside the pub.')).toBe('He smoked a thing outside the pub.');
    expect(plainSlurReading('shut up you dyke')).toBeNull();
    expect(plainSlurReading('My cousin turned out to be a fag.')).toBeNull();
    expect(plainSlurReading('A lovely day at the beach.')).toBeNull();
    expect(plainSlurReading('I hate queer people.')).toBeNull();
    expect(plainSlurReading('The queer community organised a march.')).toBeNull();
  });

  it('reads long hostile texts in linear time', () => {
    const started = Date.now();
    expect(usesASlur('the word kike '.repeat(30_000))).toBe(false);
    expect(usesASlur(`${'my niggas '.repeat(30_000)}`)).toBe(false);
    expect(usesASlur(`${'a '.repeat(100_000)}dyke near the sea`)).toBe(false);
    expect(usesASlur('those fags '.repeat(30_000))).toBe(true);
    expect(plainSlurReading('my niggas '.repeat(30_000))?.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
