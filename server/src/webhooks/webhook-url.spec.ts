import { checkWebhookUrl, privateRange } from './webhook-url';

const resolveTo = (addresses: string[]) => async () => addresses;

describe('webhook URLs', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local or metadata'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local or metadata'],
    ['::FFFF:C0A8:0101', 'private'],
    ['0.0.0.0', 'unspecified'],
  ])('knows %s is %s', (address, range) => {
    expect(privateRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8', '::ffff:5db8:d822'])(
    'lets public %s through',
    (address) => {
      expect(privateRange(address)).toBeNull();
    },
  );

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://0x7f000001/hook',
    'http://2130706433/hook',
  ])('refuses %s', async (url) => {
    await expect(checkWebhookUrl(url, false, resolveTo([]))).rejects.toThrow(
      /private_webhook_url|resolves to/,
    );
  });

  it('refuses a name that resolves to a private address, and one that does not resolve', async () => {
    await expect(
      checkWebhookUrl('https://hooks.test/x', false, resolveTo(['93.184.216.34', '10.0.0.7'])),
    ).rejects.toThrow(/10\.0\.0\.7, a private address/);
    await expect(
      checkWebhookUrl('https://nowhere.test/x', false, async () => {
        throw new Error('ENOTFOUND');
      }),
    ).rejects.toThrow(/does not resolve/);
  });

  it('refuses other schemes and credentials, and allows private targets only when the operator says so', async () => {
    await expect(checkWebhookUrl('ftp://93.184.216.34/x', false)).rejects.toThrow(/http or https/);
    await expect(checkWebhookUrl('https://user:pw@93.184.216.34/x', false)).rejects.toThrow(/credentials/);
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', true)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('https://93.184.216.34/x', false)).resolves.toBeInstanceOf(URL);
  });
});
