import type { LoginRequest, LoginResponse } from '@arc/shared';
import { apiRequest } from '../../../lib/api';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: credentials });
}

export function refreshToken(token: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/refresh', { method: 'POST', token });
}
