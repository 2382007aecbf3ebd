import { type ArgumentMetadata, Injectable, StandardSchemaValidationPipe } from '@nestjs/common';
import { describeIssue, issueParams, type IssueLike } from '@arc/shared/i18n';
import { findUnsafeText } from '@arc/shared/safe-input';
import { AppError, type AppErrorIssue, fieldIssue } from './app-error.js';

type SchemaIssues = Parameters<StandardSchemaValidationPipe['exceptionFactory']>[0];

/**
 * Nest's schema pipe, plus one last net: whatever a schema let through (or a parameter without a
 * schema) may still not carry text PostgreSQL would refuse or alter (NUL, lone surrogates,
 * control characters). The shared schemas refuse these themselves with `safeString`, so this
 * only catches a schema that forgot; the message names the field all the same.
 *
 * A refusal is a VALIDATION AppError: the message lists "path: message" as Nest words it, and
 * each issue carries zod's code, its parameters and the catalogue key a screen words it with.
 */
@Injectable()
export class SafeInputValidationPipe extends StandardSchemaValidationPipe {
  constructor() {
    super();
    this.exceptionFactory = (issues) => this.validationError(issues);
  }

  override async transform<T = unknown>(value: T, metadata: ArgumentMetadata): Promise<T> {
    const result = await super.transform(value, metadata);
    if (metadata.type === 'custom') return result;
    const found = findUnsafeText(result);
    if (found) {
      const field = [metadata.type === 'param' ? metadata.data : undefined, found.path].filter(Boolean).join('.');
      throw new AppError('VALIDATION', field ? `${field}: ${found.reason}` : found.reason, {
        key: 'invalidInput',
        issues: [fieldIssue(field, found.reason)],
      });
    }
    return result;
  }

  private validationError(issues: SchemaIssues): AppError {
    // Nest's wording, cut after maxErrorMessagesLength characters with a last "omitted" line.
    const messages = this.formatIssueMessages(issues);
    const listed = messages.map((message, i): AppErrorIssue => {
      const issue = issues[i];
      if (!issue || message !== `${pathOf(issue) ? `${pathOf(issue)}: ` : ''}${issue.message}`) {
        return { path: '', message, messageKey: 'issue.omitted' };
      }
      const zodIssue = issue as unknown as IssueLike;
      const known = describeIssue(zodIssue);
      const result: AppErrorIssue = { path: pathOf(issue), message: issue.message };
      if (typeof zodIssue.code === 'string') result.code = zodIssue.code;
      if (known) result.messageKey = known.key;
      const params = { ...issueParams(zodIssue), ...known?.params };
      if (Object.keys(params).length > 0) result.params = params;
      return result;
    });
    return new AppError('VALIDATION', messages.join('; '), { key: 'invalidInput', issues: listed });
  }
}

/** An issue's path as Nest words it ("steps.0.contactId"). */
function pathOf(issue: SchemaIssues[number]): string {
  return (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.');
}
