-- quotebook database schema: the one source of truth for the data.
-- The package ships an identical copy (quotebook/schema.sql); tests/test_schema.py
-- proves it. A new database gets this file whole; an older one is brought here by
-- the numbered migrations in quotebook/migrations.py. PRAGMA user_version is the
-- schema version, and _migrations records when each step was applied.

CREATE TABLE IF NOT EXISTS _migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row an article. Identity: the canonical URL where known, else the hash of
-- the normalised text (case, Unicode form and whitespace folded).
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT,
    source TEXT,
    author TEXT,
    published TEXT,              -- ISO 8601
    date_precision TEXT,         -- day | month | year | day-no-year
    origin TEXT,                 -- the file, URL or "-" it was imported from
    format TEXT,
    text TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

-- People and organisations. "key" is the normalised canonical name; names join
-- across articles only on an exact key, never on a surname alone.
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'person'   -- person | organization
);

CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (speaker_id, key)
);
CREATE INDEX IF NOT EXISTS speaker_aliases_key ON speaker_aliases(key);

-- Roles and titles as each article gave them, with the date they held.
CREATE TABLE IF NOT EXISTS speaker_roles (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    date TEXT,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (speaker_id, role, article_id)
);

-- One row a quotation as one article reports it. The same words reported by
-- several articles are grouped: canonical_id points at the row that stands for
-- the group (NULL on that row itself), which keeps the longest wording.
-- speaker_name, topics_text and article_title are copies kept for full-text
-- search; the application keeps them current.
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    canonical_id INTEGER REFERENCES quotes(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    spans TEXT NOT NULL,         -- JSON [[start, end], ...] into articles.text
    mention TEXT,                -- the speaker as written: "he", "Makei"
    mention_start INTEGER,
    mention_end INTEGER,
    speaker_type TEXT,           -- person | organization | anonymous
    role TEXT,
    cue TEXT,
    confidence REAL,
    date TEXT,                   -- when it was said, ISO 8601
    date_precision TEXT,
    date_source TEXT,            -- text | publication | user | none
    speaker_name TEXT,
    topics_text TEXT NOT NULL DEFAULT '',
    article_title TEXT,
    edited INTEGER NOT NULL DEFAULT 0,
    text_key TEXT                -- normalised text (case, punctuation, spacing folded), for grouping reports
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, date);
-- Partial: nearly every row has canonical_id NULL, and a full index tempts the planner
-- into scanning it for "canonical_id IS NULL" instead of using a better index.
CREATE INDEX IF NOT EXISTS quotes_canonical ON quotes(canonical_id) WHERE canonical_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS quotes_date ON quotes(date);
-- Same words, then same speaker: a much-repeated quotation is found without a scan.
CREATE INDEX IF NOT EXISTS quotes_text_key ON quotes(text_key, speaker_id);

CREATE TABLE IF NOT EXISTS topics (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS quote_topics (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    source TEXT NOT NULL,        -- heading | taxonomy | user
    PRIMARY KEY (quote_id, topic_id)
);
CREATE INDEX IF NOT EXISTS quote_topics_topic ON quote_topics(topic_id);

-- Every curation change, because who said what is a matter of record.
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    at TEXT NOT NULL
);

-- Full-text search over quotes (external content). The content table is named in
-- double quotes because that is the form Datasette looks for to offer search.
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    text, speaker_name, topics_text, article_title,
    content="quotes", content_rowid="id",
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker_name, topics_text, article_title)
    VALUES (new.id, new.text, new.speaker_name, new.topics_text, new.article_title);
END;

CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name, topics_text, article_title)
    VALUES ('delete', old.id, old.text, old.speaker_name, old.topics_text, old.article_title);
END;

CREATE TRIGGER IF NOT EXISTS quotes_au AFTER UPDATE OF text, speaker_name, topics_text, article_title ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name, topics_text, article_title)
    VALUES ('delete', old.id, old.text, old.speaker_name, old.topics_text, old.article_title);
    INSERT INTO quotes_fts (rowid, text, speaker_name, topics_text, article_title)
    VALUES (new.id, new.text, new.speaker_name, new.topics_text, new.article_title);
END;

-- The index's vocabulary, read live by fts5vocab and materialised in
-- search_terms (term, how many quotes use it) for typo correction. Imports keep
-- search_terms current.
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts_vocab USING fts5vocab(quotes_fts, 'row');

CREATE TABLE IF NOT EXISTS search_terms (
    term TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;
