import { fromAzureRequest, toAzureResponse } from '../../../functions/http/azure';
import type { HttpRequest } from '@azure/functions';

describe('Azure adapters', () => {
  it('a file answer goes out as its bytes with its headers, never as JSON', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const res = toAzureResponse({ status: 200, headers: { 'Content-Type': 'application/zip' }, bytes, body: { ignored: true } });
    expect(res).toEqual({ status: 200, headers: { 'Content-Type': 'application/zip' }, body: bytes });
    expect(toAzureResponse({ status: 200, body: { a: 1 } })).toEqual({ status: 200, headers: {}, jsonBody: { a: 1 } });
  });

  it('a request knows the origin it was sent to (for absolute links)', () => {
    const req = fromAzureRequest({ url: 'https://app.example.net/api/orgs/demo/reports/2025/link', method: 'post', headers: new Headers() } as unknown as HttpRequest);
    expect(req.origin).toBe('https://app.example.net');
    expect(req.path).toBe('/orgs/demo/reports/2025/link');
  });
});
