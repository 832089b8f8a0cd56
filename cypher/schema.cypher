// geokg schema: constraints and indexes of the graph model (docs/store.md), applied by `geokg init` and
// automatically before the first ingest. Idempotent (IF NOT EXISTS); one statement per `;`.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (s:Sentence) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;

// Provenance: from a relationship's key to its claims; retraction: a document's claims.
CREATE INDEX claim_key IF NOT EXISTS FOR (c:Claim) ON (c.key);
CREATE INDEX claim_document IF NOT EXISTS FOR (c:Claim) ON (c.document);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX document_published IF NOT EXISTS FOR (d:Document) ON (d.published);

// Full-text search over names and aliases (searchText is name + aliases, accent-folded), both languages.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.searchText, e.name]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
