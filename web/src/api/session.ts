// The signed-in user. Auth rides on the HttpOnly cs_session cookie, so the browser never sees a token.
import { api } from './client';
import type { LoginResponse, Me } from './types';

let currentUser: Me | null = null;

export function getUser(): Me | null {
  return currentUser;
}

export function forgetUser(): void {
  currentUser = null;
}

export async function loadMe(): Promise<Me> {
  currentUser = await api<Me>('GET', '/api/v1/auth/me');
  return currentUser;
}

export async function login(username: string, password: string): Promise<Me> {
  await api<LoginResponse>('POST', '/api/v1/auth/login', { username, password });
  return loadMe();
}

export async function logout(): Promise<void> {
  try {
    await api<void>('POST', '/api/v1/auth/logout');
  } finally {
    currentUser = null;
  }
}
