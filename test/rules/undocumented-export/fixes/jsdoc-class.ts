// fix: Add a JSDoc comment
export class Mailer {
  constructor(transport) {
    this.transport = transport;
  }

  async send(to, subject = 'Hello') {
    await this.transport.deliver({ to, subject });
  }
}
