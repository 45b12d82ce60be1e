// fix: Add a JSDoc comment
/**
 * @param {*} transport
 */
export class Mailer {
  constructor(transport) {
    this.transport = transport;
  }

  /**
   * @param {*} to
   * @param {string} [subject='Hello']
   * @returns {Promise<void>}
   */
  async send(to, subject = 'Hello') {
    await this.transport.deliver({ to, subject });
  }
}
