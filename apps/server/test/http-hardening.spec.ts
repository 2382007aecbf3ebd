import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_API_KEY, TestEnvironment } from './support/test-app.js';

/**
 * What an attacker on the network tried (issue 13): text PostgreSQL refuses, numbers its columns
 * do not hold, bodies too large to read before knowing who sends them, and the headers a browser
 * needs. Every refusal is a 4xx naming the field, and nothing is stored.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends a request head (and maybe the start of a body) over a plain socket and waits for the
 * answer, without sending the rest: a server that reads the whole body first never answers.
 */
function rawRequest(port: number, head: string[], bodyStart = '', timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${head[0]}`));
    }, timeoutMs);
    const finish = (): boolean => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const [statusLine, ...lines] = received.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      const body = received.slice(end + 4);
      if (Buffer.byteLength(body) < length) return false;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body });
      return true;
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!finish()) {
        clearTimeout(timer);
        reject(new Error(`connection closed without an answer to ${head[0]}`));
      }
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n${bodyStart}`);
  });
}

describe('HTTP hardening', () => {
  const env = new TestEnvironment();
  let admin = '';
  let operator = '';
  let port = 0;

  beforeAll(async () => {
    await env.start();
    admin = await env.login('admin');
    operator = await env.login('operator');
    port = Number(new URL(env.url).port);
  });

  afterAll(async () => {
    await env.destroy();
  });

  const signalCount = async (): Promise<number> =>
    (await env.query<{ n: number }>('SELECT count(*)::int AS n FROM signals'))[0]!.n;

  describe('POST /signals refuses text PostgreSQL cannot store, naming the field', () => {
    it.each([
      ['text', 'NUL', 'door\u0000open', 'must not contain the NUL character (U+0000)'],
      ['eventId', 'NUL', 'evt\u0000', 'must not contain the NUL character (U+0000)'],
      ['text', 'a control character', 'bell\u0007', 'must not contain control characters (found U+0007)'],
      ['eventId', 'an escape sequence', '\u001b[2J', 'must not contain control characters (found U+001B)'],
      ['text', 'a lone surrogate', 'half \ud800 pair', 'must be valid Unicode text (it contains a lone surrogate)'],
      ['eventId', 'a lone low surrogate', '\udc00', 'must be valid Unicode text (it contains a lone surrogate)'],
    ])('%s with %s is a 400', async (field, _, value, message) => {
      const before = await signalCount();
      // JSON.stringify writes "\u0000" and "\ud800" as escapes, as an attacker's client would.
      const response = await env.postSignal({ account: '1001', code: 'BA', [field]: value });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { message: string; issues: { path: string; message: string }[] };
      expect(body.issues).toMatchObject([
        { path: field, message, code: 'custom', messageKey: expect.stringMatching(/^schema\./) },
      ]);
      expect(await signalCount()).toBe(before);
    });

    it('a body that is not valid UTF-8 is a 400, and tab and line breaks in text are kept', async () => {
      const before = await signalCount();
      const bytes = Buffer.concat([
        Buffer.from('{"account":"1001","code":"BA","text":"'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]);
      const response = await fetch(`${env.url}/api/v1/signals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
        body: bytes,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe('Request body is not valid UTF-8');
      expect(await signalCount()).toBe(before);

      const fine = await env.postSignal({ account: '1001', code: 'BA', text: 'line one\r\n\tline two, Västerås 😀' });
      expect(fine.status).toBe(201);
    });
  });

  describe('filters and bodies that answered 500', () => {
    const nul = encodeURIComponent('a\u0000b');

    it.each([
      ['/customers', 'q'],
      ['/contracts', 'q'],
      ['/sites', 'q'],
      ['/sites', 'municipality'],
      ['/transmitters', 'q'],
      ['/authorization-lists', 'q'],
      ['/service-companies', 'q'],
      ['/on-call-rosters', 'q'],
      ['/directory/search', 'q'],
      ['/audit', 'entity'],
      ['/audit', 'entityId'],
    ])('GET %s?%s= with NUL is a 400 naming it', async (path, name) => {
      const answer = await env.call<{ issues: { path: string }[] }>(admin, 'GET', `${path}?${name}=${nul}`);
      expect(answer.status).toBe(400);
      expect(answer.body.issues.map((issue) => issue.path)).toEqual([name]);
    });

    it('NUL in the names of new authorization lists and service companies is a 400; nothing is stored', async () => {
      for (const path of ['/authorization-lists', '/service-companies']) {
        const answer = await env.call<{ issues: { path: string; message: string }[] }>(admin, 'POST', path, {
          name: 'Nattskift\u0000',
        });
        expect(answer.status, path).toBe(400);
        expect(answer.body.issues).toEqual([
          {
            path: 'name',
            message: 'must not contain the NUL character (U+0000)',
            code: 'custom',
            messageKey: 'schema.nul',
          },
        ]);
      }
      expect(await env.query('SELECT id FROM authorization_lists')).toEqual([]);
      expect(await env.query('SELECT id FROM service_companies')).toEqual([]);
    });

    it('NUL in requestReference of a password request is a 400; no password is set', async () => {
      const list = (await env.call<{ id: string }>(admin, 'POST', '/authorization-lists', { name: 'Kontor' })).body;
      const person = (
        await env.call<{ id: string }>(admin, 'POST', '/persons', {
          listId: list.id,
          name: 'Anna A',
          phone: '070-123 45 67',
          level: 'A',
        })
      ).body;
      const answer = await env.call<{ issues: { path: string }[] }>(admin, 'POST', `/persons/${person.id}/password`, {
        password: 'secret-123',
        requestedByPersonId: person.id,
        requestDate: new Date().toISOString().slice(0, 10),
        requestReference: 'letter\u0000',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.issues.map((issue) => issue.path)).toEqual(['requestReference']);
      expect(await env.query('SELECT id FROM persons WHERE password_hash IS NOT NULL')).toEqual([]);
    });

    it('a signal-log cursor beyond bigint is a 400, not an overflow in PostgreSQL', async () => {
      const { siteId } = await env.createSite('5A5A', 'Cursor site');
      for (const before of ['99999999999999999999', '9223372036854775808', '-1', '1.5', 'abc']) {
        const answer = await env.call<{ issues: { path: string }[] }>(
          operator,
          'GET',
          `/sites/${siteId}/signals?before=${before}`,
        );
        expect(answer.status, before).toBe(400);
        expect(answer.body.issues.map((issue) => issue.path)).toEqual(['before']);
      }
      expect((await env.call(operator, 'GET', `/sites/${siteId}/signals?before=9223372036854775807`)).status).toBe(200);
    });
  });

  describe('bodies are bounded before anyone is authenticated', () => {
    it('an anonymous 190 MB import is refused with 401 before its body is sent', async () => {
      const answer = await rawRequest(port, [
        'POST /api/v1/directory/import HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        `Content-Length: ${190 * 1024 * 1024}`,
      ]);
      expect(answer.status).toBe(401);
    });

    it('an operator may not start an import either: 403 before the body is sent', async () => {
      const answer = await rawRequest(port, [
        'POST /api/v1/directory/import HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${operator}`,
        'Content-Type: application/json',
        `Content-Length: ${190 * 1024 * 1024}`,
      ]);
      expect(answer.status).toBe(403);
    });

    it('a Content-Length over the limit is a 413 at once, on any route, without reading the body', async () => {
      for (const [path, length] of [
        ['/api/v1/signals', 101 * 1024],
        ['/api/v1/auth/login', 190 * 1024 * 1024],
        ['/api/v1/directory/import', 201 * 1024 * 1024],
      ] as const) {
        const answer = await rawRequest(
          port,
          [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', `Content-Length: ${length}`],
          '{"a":"',
        );
        expect(answer.status, path).toBe(413);
        expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      }
    });

    it('a chunked body that grows over the limit is refused at the limit', async () => {
      const chunk = 'x'.repeat(64 * 1024);
      const chunks = Array.from({ length: 3 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
      const answer = await rawRequest(
        port,
        [
          'POST /api/v1/auth/login HTTP/1.1',
          'Host: 127.0.0.1',
          'Content-Type: application/json',
          'Transfer-Encoding: chunked',
        ],
        chunks,
      );
      expect(answer.status).toBe(413);
    });

    it('a body that trickles in is cut off with 408 instead of holding the connection', async () => {
      const answer = await rawRequest(
        port,
        [
          'POST /api/v1/auth/login HTTP/1.1',
          'Host: 127.0.0.1',
          'Content-Type: application/json',
          'Content-Length: 100',
        ],
        '{"username":',
        25_000,
      );
      expect(answer.status).toBe(408);
    });

    it('only JSON is read: another media type or charset is a 415', async () => {
      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
      ]) {
        const response = await fetch(`${env.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: 'username=admin',
        });
        expect(response.status, contentType).toBe(415);
      }
    });

    it('an administrator still imports more than the small limit', async () => {
      const response = await fetch(`${env.url}/api/v1/directory/import?dryRun=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
        body: JSON.stringify({ format: 'arc-directory', version: 1, padding: 'x'.repeat(300 * 1024) }),
      });
      expect(response.status).not.toBe(413);
      expect(response.status).toBeLessThan(500);
    });
  });

  it('sends security headers and no X-Powered-By', async () => {
    for (const path of ['/api/v1/health/live', '/api/v1/customers', '/api/v1/no-such-route']) {
      const response = await fetch(`${env.url}${path}`);
      const headers = response.headers;
      expect(headers.get('x-powered-by'), path).toBeNull();
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(headers.get('content-security-policy'), path).toBe(
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      );
      expect(headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+/);
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
    }
  });
});
