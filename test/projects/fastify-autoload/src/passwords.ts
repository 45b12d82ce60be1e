// expect: none
/** Whether the password is the user's. */
export async function checkPassword(email: string, password: string): Promise<boolean> {
  return email.length > 0 && password.length > 11;
}
