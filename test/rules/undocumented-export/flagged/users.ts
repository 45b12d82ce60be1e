import { db } from './db';

export function createUser(email, role = 'member') { // expect: undocumented-export:17
  return db.insert('users', { email, role });
}

export const findUser = async (id) => db.find('users', id); // expect: undocumented-export:14

export class UserService { // expect: undocumented-export:14
  constructor(repository, mailer) {
    this.repository = repository;
    this.mailer = mailer;
  }

  async invite(email, { sendEmail = true }) { // expect: undocumented-export:9
    return sendEmail ? this.mailer.send(email) : undefined;
  }

  private audit(event) {
    return event;
  }
}

export default function (options) { // expect: undocumented-export:16
  return new UserService(options.repository, options.mailer);
}
