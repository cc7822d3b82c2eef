// Statements prepared once per SQL text and reused: on the payout hot path,
// preparing on every call cost more than running the statement.
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
