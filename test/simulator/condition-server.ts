import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A loopback send-condition endpoint answering from a script: each call takes the next answer, the last repeats. */
export class ConditionServer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** Request headers of every call, oldest first. */
    readonly calls: IncomingHttpHeaders[],
  ) {}

  static async start(...answers: { status: number; body: string }[]): Promise<ConditionServer> {
    const calls: IncomingHttpHeaders[] = [];
    const script = [...answers];
    const server = createServer((req, res) => {
      calls.push(req.headers);
      const answer = script.length > 1 ? script.shift()! : script[0];
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return new ConditionServer(server, `http://127.0.0.1:${port}/condition?case=1`, calls);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const SEND = { status: 200, body: '{"sendNotification":true}' };
export const SKIP = { status: 200, body: '{"sendNotification":false}' };
export const FAIL = { status: 500, body: '' };
