/** Adapters between @azure/functions' HttpRequest/HttpResponseInit and the API's shapes. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { BadJsonError, TooLargeError } from './errors';
import type { ApiRequest, ApiResponse } from './types';

export function fromAzureRequest(request: HttpRequest): ApiRequest {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/api(?=\/|$)/, '');
  let consumed = false;
  return {
    method: request.method.toUpperCase(),
    path,
    query: url.searchParams,
    origin: url.origin,
    header: (name) => request.headers.get(name) ?? undefined,
    async readBody(limitBytes) {
      if (consumed) throw new Error('body already read');
      consumed = true;
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > limitBytes) throw new TooLargeError();
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > limitBytes) throw new TooLargeError();
      return decodeUtf8(bytes);
    },
  };
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadJsonError();
  }
}

export function toAzureResponse(res: ApiResponse): HttpResponseInit {
  return {
    status: res.status,
    headers: { ...res.headers },
    ...(res.bytes !== undefined ? { body: res.bytes } : res.body !== undefined ? { jsonBody: res.body } : {}),
  };
}
