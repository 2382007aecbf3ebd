import { PhoneSchema, type DirectorySearchHit } from '@arc/shared/directory';
import type { InTransaction, Sql } from '../../database/sql-kit.js';

/**
 * Finds sites for an operator's free text: a transmitter account, a site name, a street, a city
 * or municipality, a customer or contract number, or a person (name or phone) on a list that
 * covers the site. Used by GET /directory/search and by the search benchmark alike.
 *
 * Fuzzy text branches take the nearest neighbours by trigram word distance from a GiST index
 * (`ORDER BY $1 <<-> column LIMIT 50`) and keep those with a word similarity of at least 0.5;
 * numbers and phones use LIKE on GIN trigram indexes. The branches are combined per site (best
 * score wins) before the site rows are joined.
 *
 * A query of several words whose whole text found nothing good (no hit scoring 0.75) runs
 * again, also per word: each word (3+ characters, with a letter) is looked
 * up on its own in a site's name, street and city (`word <% column`, the GiST trigram index with a
 * word-similarity threshold of 0.4), and a site that every word finds scores 0.95 × the mean of
 * its best per-word similarities. So "Bjrken Uppsla" finds "Förskolan Björken" in Uppsala: as
 * one text it is too far from either column, word by word it is near both. The 0.95 keeps a
 * match of the whole text ahead of one assembled from words.
 */
export async function searchDirectory(
  inTransaction: InTransaction,
  q: string,
  limit: number,
): Promise<DirectorySearchHit[]> {
  const params = searchParams(q, limit);
  return inTransaction(async (sql) => {
    // Per transaction (set_config(..., true)), so no pooled connection keeps it: compiling this
    // many-branch query with JIT would cost more than running it.
    await sql(`SELECT set_config('jit', 'off', true), set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
      String(MIN_WORD_SIMILARITY),
    ]);
    const hits = await runSearch(sql, [...params, []]);
    // Word by word only when the whole text found nothing good: an exact search costs what it did.
    const words = queryWords(q.trim());
    if (words.length === 0 || hits.some((hit) => hit.score >= GOOD_MATCH)) return hits;
    return runSearch(sql, [...params, words]);
  });
}

interface SearchRow {
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  municipality: string;
  customer_no: string | null;
  contract_no: string | null;
  accounts: string[];
  kind: string;
  score: number;
}

/**
 * $1 text, $2 account (upper-case hex) or null, $3 number prefix pattern or null (no digit),
 * $4 phone pattern or null, $5 limit, $6 whether the text has words (fuzzy text branches),
 * $7 the words for the per-word branch (empty: the branch is off).
 */
function searchParams(q: string, limit: number): unknown[] {
  const text = q.trim();
  const account = /^[0-9A-Fa-f]{1,16}$/.test(text) ? text.toUpperCase() : null;
  // Branches that cannot match are switched off with constant flags, which the planner folds
  // away: a trigram index scan costs a few ms even when it finds nothing.
  const words = /\p{L}{2}/u.test(text);
  const digits = /\d/.test(text);
  return [text, account, digits ? `${escapeLike(text)}%` : null, phonePattern(text), limit, words];
}

/** Up to MAX_WORDS distinct words of 3+ characters with a letter; none when fewer than two. */
function queryWords(text: string): string[] {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[\s,;]+/u)
        .filter((w) => w.length >= 3 && /\p{L}/u.test(w)),
    ),
  ].slice(0, MAX_WORDS);
  return words.length >= 2 ? words : [];
}

async function runSearch(sql: Sql, params: unknown[]): Promise<DirectorySearchHit[]> {
  const rows = await sql<SearchRow>(SEARCH_SQL, params);
  return rows.map((row) => ({
    siteId: row.id,
    siteName: row.name,
    address: `${row.street}, ${row.postcode} ${row.city}`,
    municipality: row.municipality,
    customerNo: row.customer_no,
    contractNo: row.contract_no,
    accounts: row.accounts,
    matchedOn: row.kind,
    score: Math.round(Number(row.score) * 1000) / 1000,
  }));
}

/** Digits of a phone-like query in the stored +46 form, as a LIKE pattern; null if it is not phone-like. */
function phonePattern(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '');
  if (!/^\+?\d{5,15}$/.test(compact)) return null;
  const full = PhoneSchema.safeParse(compact);
  if (full.success) return escapeLike(full.data);
  // A fragment: match it anywhere, without the trunk 0 that the stored +46 form drops.
  return `%${escapeLike(compact.replace(/^\+/, '').replace(/^0/, ''))}%`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Scores: exact keys (account, customer/contract number, phone) outrank fuzzy text matches,
// which score their trigram word similarity (0..1). A site hit by several branches gets a small
// bonus per extra branch, so "Storgatan 5" ranks a site whose name and street both match first.
const NEAREST = 50;
const MIN_SIMILARITY = 0.5;
const MAX_WORDS = 4;
/**
 * Per word (the `<%` operator's threshold): one letter dropped from a five-letter word ("Svlan")
 * is 0.44. Lower than for the whole text, as every word of the query must find the site.
 */
const MIN_WORD_SIMILARITY = 0.4;
/** A hit at least this good (an exact name is 1.0, a person 0.95) means the whole text was found. */
const GOOD_MATCH = 0.75;

const SEARCH_SQL = `
WITH near_persons AS (
  SELECT list_id, similarity FROM (
    SELECT p.list_id, 1 - ($1 <<-> p.name) AS similarity FROM persons p WHERE $6 ORDER BY $1 <<-> p.name LIMIT ${NEAREST}
  ) n WHERE similarity >= ${MIN_SIMILARITY}
),
hits AS (
  SELECT t.site_id, 'account' AS kind, CASE WHEN t.account = $2 THEN 3.0 ELSE 2.0 END AS score
    FROM transmitters t
   WHERE $2::text IS NOT NULL AND t.account LIKE $2 || '%'
  UNION ALL
  SELECT id, 'site', similarity FROM (
    SELECT s.id, 1 - ($1 <<-> s.name) AS similarity FROM sites s WHERE $6 ORDER BY $1 <<-> s.name LIMIT ${NEAREST}
  ) n WHERE similarity >= ${MIN_SIMILARITY}
  UNION ALL
  SELECT id, 'address', similarity FROM (
    SELECT s.id, 1 - ($1 <<-> s.street) AS similarity FROM sites s WHERE $6 ORDER BY $1 <<-> s.street LIMIT ${NEAREST}
  ) n WHERE similarity >= ${MIN_SIMILARITY}
  UNION ALL
  SELECT id, 'address', 0.9 * similarity FROM (
    SELECT s.id, 1 - ($1 <<-> s.city) AS similarity FROM sites s WHERE $6 ORDER BY $1 <<-> s.city LIMIT ${NEAREST}
  ) n WHERE similarity >= ${MIN_SIMILARITY}
  UNION ALL
  SELECT s.id, 'address', 0.9 FROM sites s WHERE $6 AND lower(s.municipality) = lower($1)
  UNION ALL
  SELECT site_id, (array_agg(kind ORDER BY similarity DESC))[1], 0.95 * sum(similarity) / cardinality($7::text[])
    FROM (
      SELECT m.site_id, m.word, (array_agg(m.kind ORDER BY m.similarity DESC))[1] AS kind, max(m.similarity) AS similarity
        FROM (
          SELECT s.id AS site_id, w.word, 'site' AS kind, word_similarity(w.word, s.name) AS similarity
            FROM unnest($7::text[]) AS w(word) JOIN sites s ON w.word <% s.name
          UNION ALL
          SELECT s.id, w.word, 'address', word_similarity(w.word, s.street)
            FROM unnest($7::text[]) AS w(word) JOIN sites s ON w.word <% s.street
          UNION ALL
          SELECT s.id, w.word, 'address', word_similarity(w.word, s.city)
            FROM unnest($7::text[]) AS w(word) JOIN sites s ON w.word <% s.city
        ) m
       GROUP BY m.site_id, m.word
    ) per_word
   GROUP BY site_id
  HAVING count(*) = cardinality($7::text[])
  UNION ALL
  SELECT s.id, 'customer', CASE WHEN lower(cu.customer_no) = lower($1) THEN 2.5 ELSE 1.5 END
    FROM customers cu
    JOIN contracts k ON k.customer_id = cu.id
    JOIN sites s ON s.contract_id = k.id
   WHERE $3::text IS NOT NULL AND cu.customer_no ILIKE $3
  UNION ALL
  SELECT s.id, 'customer', 0.8 * n.similarity
    FROM (SELECT cu.id, 1 - ($1 <<-> cu.name) AS similarity FROM customers cu WHERE $6
           ORDER BY $1 <<-> cu.name LIMIT ${NEAREST}) n
    JOIN contracts k ON k.customer_id = n.id
    JOIN sites s ON s.contract_id = k.id
   WHERE n.similarity >= ${MIN_SIMILARITY}
  UNION ALL
  SELECT s.id, 'contract', CASE WHEN lower(k.contract_no) = lower($1) THEN 2.5 ELSE 1.5 END
    FROM contracts k
    JOIN sites s ON s.contract_id = k.id
   WHERE $3::text IS NOT NULL AND k.contract_no ILIKE $3
  UNION ALL
  SELECT ls.site_id, 'person', 0.95 * n.similarity
    FROM near_persons n
    JOIN authorization_list_sites ls ON ls.list_id = n.list_id
  UNION ALL
  SELECT ls.site_id, 'person', 1.8
    FROM persons p
    JOIN authorization_list_sites ls ON ls.list_id = p.list_id
   WHERE $4::text IS NOT NULL AND p.phone LIKE $4
  UNION ALL
  SELECT cs.site_id, 'person', 0.95 * n.similarity
    FROM near_persons n
    JOIN authorization_lists l ON l.id = n.list_id AND l.service_company_id IS NOT NULL
    JOIN service_company_sites cs ON cs.service_company_id = l.service_company_id
  UNION ALL
  SELECT cs.site_id, 'person', 1.8
    FROM persons p
    JOIN authorization_lists l ON l.id = p.list_id AND l.service_company_id IS NOT NULL
    JOIN service_company_sites cs ON cs.service_company_id = l.service_company_id
   WHERE $4::text IS NOT NULL AND p.phone LIKE $4
),
per_site AS (
  SELECT site_id,
         (array_agg(kind ORDER BY score DESC))[1] AS kind,
         max(score) + 0.01 * (count(DISTINCT kind) - 1) AS score
    FROM hits
   GROUP BY site_id
),
top AS (
  SELECT ps.site_id, ps.kind, ps.score
    FROM per_site ps
    JOIN sites s ON s.id = ps.site_id AND s.archived_at IS NULL
   ORDER BY ps.score DESC, s.name, s.id
   LIMIT $5
)
SELECT s.id, s.name, s.street, s.postcode, s.city, s.municipality,
       cu.customer_no, k.contract_no,
       coalesce((SELECT array_agg(t.account ORDER BY t.account) FROM transmitters t WHERE t.site_id = s.id),
                '{}') AS accounts,
       top.kind, top.score
  FROM top
  JOIN sites s ON s.id = top.site_id
  LEFT JOIN contracts k ON k.id = s.contract_id
  LEFT JOIN customers cu ON cu.id = k.customer_id
 ORDER BY top.score DESC, s.name, s.id`;
