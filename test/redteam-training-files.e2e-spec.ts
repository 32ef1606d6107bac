import { FilesErrorCode, openAiAnswer } from './support/error-catalog';
import { testApiKey } from './support/keys';
import { startWarden, WardenInstance } from './support/warden';

/**
 * A training file's validation report stops at 20 problems, but a chat line's messages were all checked and all
 * reported: one line of a million non-objects (2 MB) answered a 56 MB error message (and logged it), and 12 million
 * (24 MB, under the 32 MB upload limit) kept the api busy 45 s before a 500 (the report passed V8's longest string).
 */
/** Room for the million-message line below, small enough to send more than it quickly. */
const MAX_FILE_BYTES = 3_000_000;

describe('redteam: hostile training files', () => {
  const apiKey = testApiKey();
  let warden: WardenInstance;

  beforeAll(async () => {
    warden = await startWarden('redteam_training_files', {
      WARDEN_EMBEDDED_MODELS: '',
      WARDEN_INIT_API_KEY: apiKey,
      WARDEN_FILES_MAX_BYTES: String(MAX_FILE_BYTES),
    });
  }, 120_000);

  afterAll(async () => {
    await warden?.stop();
  });

  async function upload(content: string): Promise<{ status: number; text: string }> {
    const form = new FormData();
    form.append('file', new Blob([content]), 'train.jsonl');
    form.append('purpose', 'fine-tune');
    const response = await fetch(`${warden.url}/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
      body: form,
    });
    return { status: response.status, text: await response.text() };
  }

  it('reports at most 20 problems for a chat line of a million bad messages', async () => {
    const answered = await upload(`{"messages":[${Array(1_000_000).fill('1').join(',')}]}\n`);
    expect(answered.text.length).toBeLessThan(10_000);
    const body = JSON.parse(answered.text) as { error: { message: string } };
    expect({ status: answered.status, body }).toMatchObject(
      openAiAnswer(FilesErrorCode.InvalidTrainingFile, 'file'),
    );
    expect(body.error.message.match(/field "messages\[\d+\]"/g)).toHaveLength(20);
  });

  it('still names every bad message of an ordinary line', async () => {
    const answered = await upload(
      `${JSON.stringify({ messages: [{ role: 'user', content: 'hi' }, 'oops', { role: 'bot', content: 1 }] })}\n`,
    );
    expect(answered.status).toBe(400);
    const { message } = (JSON.parse(answered.text) as { error: { message: string } }).error;
    expect(message).toContain('field "messages[1]": expected an object');
    expect(message).toContain('field "messages[2].role"');
    expect(message).toContain('field "messages[2].content": expected a string');
  });

  it('refuses an upload over the size limit with a 413 the client reads (not a broken pipe), and keeps nothing', async () => {
    const line = `${JSON.stringify({ prompt: 'a', completion: ' b' })}\n`;
    const answered = await upload(line.repeat(Math.ceil((MAX_FILE_BYTES + 100_000) / line.length)));
    expect({ status: answered.status, body: JSON.parse(answered.text) as unknown }).toMatchObject(
      openAiAnswer(FilesErrorCode.TooLarge, 'file'),
    );
    const [{ files }] = await warden.query<{ files: number }>(`SELECT count(*)::int AS files FROM files`);
    expect(files).toBe(0);
  });
});
