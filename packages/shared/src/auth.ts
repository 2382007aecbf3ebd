import { z } from 'zod';
import { safeString } from './safe-input.js';

export const ROLES = ['operator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequestSchema = z
  .object({
    username: safeString().trim().min(1, 'username is required').max(64),
    password: safeString().min(1, 'password is required').max(256),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  accessToken: string;
  /** ISO time the token stops working; the console refreshes before then. */
  expiresAt: string;
  user: SessionUser;
}

/** Error body of every failed HTTP request. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}
