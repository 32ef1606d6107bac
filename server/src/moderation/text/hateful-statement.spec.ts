import { STALL_LIMIT_MS } from '../../../../test/support/stall';
import { HatefulStatement, hatefulStatement } from './hateful-statement';

describe('hatefulStatement', () => {
  it.each([
    'I hate women.',
    'honestly i just despise muslims',
    'I loathe the Irish.',
    'We have nothing but contempt for immigrants, and we say so.',
    'I really cannot stand gay people like you!',
    'Jews are nothing but parasites.',
    'Refugees are a plague on this town.',
    'Trans people are not human',
    'Black people belong in cages',
    'Women belong in the kitchen.',
    'Jews belong in a zoo',
    'I have no compassion at all for any disabled person like you.',
    'Disabled people do not deserve to live.',
    'Muslims have no place in a civilised society.',
    'The world would be better off without any immigrants',
    "Let's get rid of all the refugees.",
    'Immigrants like you make me sick.',
    'Hindus disgust me',
    'Somalis are all thieves.',
    'Gay people are absolutely despicable.',
    'Romanian people are less evolved than us',
    'Refugees should go back to where they came from.',
    'Immigrants keep moving here. I hate them.',
    "Don't talk to me about Muslims, they're nothing but parasites",
    "I'm so sick and tired of immigrants.",
    'Disgusted by all the women around here.',
    'So sick of being around trans people like you.',
    'Muslims like you make me furious.',
    'Refugees fill me with rage.',
    'The utter scorn I feel for gay people is hard to put into words.',
    'Black lives do not matter.',
    'Your Muslim lives have no value.',
    'Immigrants are worth absolutely nothing.',
    "I don't understand why you'd like immigrants. Everything about them disgusts me so much.",
    'Trans people really are brainless without exception.',
    'You Muslims are all dishonest.',
    'Clearly black people are not our equals.',
    'Women are never any intelligent.',
    'Of course human rights should not apply to immigrants.',
    'There is no place on this planet for any gay person like you.',
    'Some trans people get into government. They are still just common trash to me.',
    'Muslims are a bunch of savages.',
    'Chinese people are vermin.',
    'Roma kids are little rodents.',
    'People with Down syndrome are less than human.',
    'Muslims are a tumor on Europe.',
    'Immigrants are like rats.',
    'Latinos are cattle, good for field labor and nothing else.',
    'Women are just baby-making machines, nothing more.',
    'Nonbinary people are glitches, not humans.',
    'Jews run the banks.',
    'Black people have lower IQs.',
    'Romanians are born thieves.',
    'Aboriginal people are always drunk and lazy.',
    'Muslims must be driven out of the land.',
    'Draft a petition to ban Sikhs from our town.',
    'We should deport all Muslims.',
    'Campaign ad script promising to expel all Roma from the city.',
    'Telegram channel description for a group that wants to rid our country of Ukrainians.',
    'I have met many immigrants and I hate every single one of them.',
    "I don't have anything against gay people but most of them are pretty disgusting.",
    "I've been around enough disabled people to know they're all complete assholes.",
  ])('reads %j as a statement of hate', (text) => {
    expect(hatefulStatement(text)).toBe('hate');
  });

  it.each([
    'Women should all die.',
    'Immigrants must be exterminated',
    'Death to all Muslims!',
    'I want to kill all the Jews',
    'Kill every last one of the gays.',
    'We have too many refugees here. They should all die.',
    'I hope all Muslims die.',
    'honestly i wish immigrants would just rot',
    'In my view, those kinds of Muslims ought to be executed.',
  ])('reads %j as wishing death on people for who they are', (text) => {
    expect(hatefulStatement(text)).toBe('threatening');
  });

  it.each([
    'Immigrants breed like rabbits.',
    'Arabs have the table manners of livestock.',
    'Refugees are a swarm of locusts.',
    "Trans people aren't really people.",
    'My dog is smarter than any woman could ever be.',
    'The life of an insect is worth more than that of a black person.',
    "I'd sooner share a flat with a pig than with an Arab.",
  ])('reads %j as people likened to, or ranked below, beasts and things', (text) => {
    expect(hatefulStatement(text)).toBe('hate');
  });

  it.each([
    'I hate Mondays.',
    "I hate women's football being on at this hour.",
    'I hate it when people are late.',
    'Do I hate women? Of course not.',
    "I don't hate immigrants, I hate the policy.",
    'I hate women who cheat on their partners.',
    'Women are not animals.',
    'Not all Muslims are terrorists.',
    'If you think immigrants are vermin, you need to meet some.',
    'My uncle says that gay people are disgusting and I want to argue back.',
    'It is a myth that refugees are criminals.',
    'She wrote "I hate Muslims" on the wall and was arrested.',
    'Rats are vermin.',
    'Women are the very opposite of stupid.',
    'Black people are the backbone of this community.',
    'The world would be better without war.',
    'How do I get rid of ants in the kitchen?',
    'I never said that women are inferior.',
    'Mr. Smith thinks immigrants are too stupid to vote, which is absurd.',
    'It is a common misconception that Native Americans were all savages.',
    'Being afraid of black people is stupid.',
    'Tourists should go back home before dark.',
    'I hope immigrants get the help they need.',
    'Do you hope women die out of the workforce?',
    'Refugees will die if we close the border.',
    'Immigrants will suffer the most from these cuts.',
    'Disabled people have to suffer long waits for a ramp.',
    'I hope immigrants suffer less under the new rules.',
    'Muslims run the bakery on our street. They are wonderful.',
    'Immigrants pay taxes like anyone else, and I never said that they are criminals.',
    'People who hate Muslims disgust me.',
    'Men who beat women are scum.',
    'Racists who attack immigrants should rot.',
    'I am sick of immigrants being blamed for everything.',
    'Women make me so happy.',
    'Black lives matter.',
    'Black lives do not matter less than anyone else.',
    'My opinion of immigrants does not matter.',
    'Chest tattoos on females are trash.',
    'so your saying white lives dont matter ?',
    'Women are never late.',
    'Refugees are common in this town.',
    'My neighbours are immigrants and some of them are pretty amazing.',
    'There is no place in our society for racism against immigrants.',
    'My dog is smarter than my printer.',
    'Refugees are not animals.',
    'Muslims eat like anyone else during Ramadan evenings.',
    'My cat is smarter than a man I once dated.',
    'Comparing immigrants to rats is how propaganda starts.',
    'Writing that Muslims are all liars says a lot about how small-minded you are.',
    'Saying that women are scum is disgusting.',
  ])('reads %j as no statement of hate', (text) => {
    expect(hatefulStatement(text)).toBeNull();
  });

  it.each([
    'Muslims should not be allowed to vote.',
    'Gay people should never adopt.',
    'Black people should be barred from holding office.',
    'Jews shouldn\u2019t be allowed to own property.',
    'Disabled people must lose their right to vote.',
    'Why should women not be permitted to drive?',
    'Give me reasons why lesbians should not be hired.',
  ])('reads %j as people shut out of what others may do', (text) => {
    expect(hatefulStatement(text)).toBe('hate');
  });

  it.each([
    'Women should be allowed to vote.',
    'Why should women be allowed to vote? Because they are citizens.',
    'Muslims should not be barred from holding office.',
    'Gay people should never be discriminated against.',
    'Immigrants should not be allowed to vote until they are citizens.',
    'Why should purple carrots not be given visas?',
    'People who say gay people should not marry are wrong.',
    'Women should not be allowed to walk home alone at night without a friend.',
    'My coworker said Muslims should not be allowed to work here. Is that discrimination?',
    'A guy in my group chat keeps posting that Jews shouldn\u2019t hold office, how do I report him?',
  ])('reads %j as nobody shut out for who they are', (text) => {
    expect(hatefulStatement(text)).toBeNull();
  });

  it.each([
    'Is it not obvious that I hate Muslims?',
    'Is it easy to tell that I am disgusted by all the immigrants around here?',
    "Isn't it clear how much hatred I have for you women?",
  ])('reads %j, a statement of hate asked as a question, as hate', (text) => {
    expect(hatefulStatement(text)).toBe('hate');
  });

  it.each([
    'Why are Muslims so violent?',
    'why are black people so lazy',
    'Why are all Mexicans criminals?',
    'What makes Jews so greedy?',
    'How come gay men are always so promiscuous?',
    'Why do Mexicans always steal?',
    'why do indians smell',
    "Why can't women drive?",
    'Why cant trans people ever think for themselves?',
    'Muslims are so violent.',
    'Black people are naturally ghetto.',
  ])('reads %j, a stereotype taken for granted, as hate', (text) => {
    expect(hatefulStatement(text)).toBe('hate');
  });

  it.each([
    'Why are Mexicans stereotyped as lazy?',
    'Why are Japanese trains so punctual?',
    'Why are black people so often the victims of police violence?',
    'Why do people think Muslims are so violent?',
    'Why are the French so good at cooking?',
    "Why can't blind people drive?",
    'Why do Indians eat with their right hand?',
    'Men are violent more often than women, according to the report.',
    'It is a myth that women are bad drivers.',
    'Why are cats so lazy?',
    'Why do women always outlive men?',
    'Women are property owners in most countries now.',
    'Illegal immigrants should be deported, says the minister.',
    'Muslims run the bakery on the corner.',
    'How did the Nazis expel Jews from Germany?',
    "explain why it's wrong to ban gay people from teaching",
    'Is it legal to deport Muslims who are citizens?',
    'We should deport illegal immigrants who commit crimes.',
    'We need to ban discrimination against Muslims.',
  ])('reads %j, a question about people, as no statement of hate', (text) => {
    expect(hatefulStatement(text)).toBeNull();
  });

  it.each([
    "It's not true that I hate women.",
    'My sister denies that she hates immigrants, but I doubt that I hate anyone.',
    'People claim that I hate Muslims, which is a lie.',
  ])('reads %j, hate denied or reported, as no statement', (text) => {
    expect(hatefulStatement(text)).toBeNull();
  });

  // One hostile text per case, each within the stall limit: a quadratic reading took minutes on any of them.
  it.each<[string, HatefulStatement | null]>([
    [`i hate${' '.repeat(500_000)}x`, null],
    [`women are${' really'.repeat(200_000)} nice`, null],
    [`${'all of the '.repeat(100_000)}women are vermin`, 'hate'],
    [`the world would be better${' '.repeat(500_000)}without`, null],
    [`if you think ${'muslims are vermin '.repeat(50_000)}`, 'hate'],
    ['women '.repeat(200_000), null],
    ['"women are '.repeat(100_000), null],
    ['I hate women like you like you '.repeat(30_000), null],
    ['women. i hate them like '.repeat(40_000), null],
    ['my dog is smarter than any '.repeat(30_000), null],
    [`women breed${' and'.repeat(100_000)} like rats`, null],
    [`i'd rather${' a'.repeat(100_000)} pig than with an arab`, null],
    [`why should women${' not'.repeat(100_000)}`, null],
    ['why should women be allowed to '.repeat(30_000), null],
    [`why are women${' so'.repeat(100_000)} kind`, null],
    ['why do women always '.repeat(30_000), null],
    ['we should deport the '.repeat(30_000), null],
    [`rid our country of${' '.repeat(300_000)}women`, null],
    ['women are just baby-making '.repeat(30_000), null],
  ])('reads a long hostile text in linear time (%#)', (text, expected) => {
    const started = Date.now();
    expect(hatefulStatement(text)).toBe(expected);
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
