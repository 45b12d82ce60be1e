// expect: none
// The comparison only asks whether a new password was sent; the branch hashes it before it is stored.
import bcrypt from 'bcryptjs';
import { usersRepository } from './users.repository';

export async function update(id: string, dto: { password?: string }) {
  let password: string | undefined;
  if (dto.password) {
    const user = await usersRepository.findById(id);
    if (user && user.password !== dto.password) {
      const salt = await bcrypt.genSalt();
      password = await bcrypt.hash(dto.password, salt);
    }
  }
  return usersRepository.update(id, { password });
}
