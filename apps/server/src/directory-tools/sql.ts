export { type InTransaction, type Sql, sqlOfPg, transactionOfPg } from '../database/sql-kit.js';
