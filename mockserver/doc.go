// Package mockserver imitates the Tableau Server REST API closely enough that
// Tableau's own clients (the official Postman collection, Tableau Server
// Client, hand-written scripts) run against it unchanged, including their
// error handling.
//
// It serves, under /api/{version}/, server info, sign-in with a password, a
// personal access token (PAT) or a Connected App JWT (direct trust), sign-out,
// site switching, the current session, sites, server schedules, and the
// paginated lists of workbooks, projects, users, groups, data sources,
// views and flows of a site. Sites and server schedules can also be
// created, updated and deleted, and projects; workbooks and data sources
// refreshed, which starts a job that Query Jobs, Query Job and Cancel Job
// see; users' favorites read, added, reordered and deleted; users added
// to, updated on and removed from a site, one by one or from a CSV file;
// groups created, renamed and deleted and their members listed, added and
// removed; explicit permissions of workbooks, data sources and projects
// added, listed and deleted; workbooks, data sources and flows published
// in one multipart call or after a chunked file upload; Hyper data
// sources' data updated; and direct-trust Connected Apps and their secrets
// listed, created, updated and deleted, an app's new secret then signing
// JWTs in. Workbooks, views, data sources and flows also have, where
// Tableau has them, tags, updates and deletion, connections, revisions,
// renderings (images, PDFs, CSV, crosstab .xlsx, downloads), permissions,
// extract refresh and flow run tasks, flow runs, subscriptions and data
// quality warnings; projects have default permissions, and sites
// webhooks. The server and its sites have dashboard extension settings
// (the unversioned /api/-/settings methods). Data-driven
// alerts, custom views and Catalog assets are listed, always empty. That
// state lives in memory behind one mutex, so the handler is safe for
// concurrent use.
//
// Every request for a Tableau resource except sign-in and server info
// needs a live session first (401000 without X-Tableau-Auth, 401002 with a
// dead token), as on Tableau. A real Tableau endpoint that the mock does not
// implement (endpoints.txt lists Tableau's, derived from Tableau's published
// Postman collections) is then answered 501 Not Implemented with code 501000,
// a code Tableau never sends, naming the method and path; a path Tableau
// itself does not have gets Tableau's 404003, a method Tableau does not serve
// at a path 405000.
//
// Request bodies are read in the format their Content-Type names, as
// Tableau reads them: JSON for application/json and +json types, XML for
// anything else, including a missing Content-Type; a JSON body sent as XML,
// form data or text gets Tableau's 400000 "Content is not allowed in
// prolog". A byte order mark and an XML encoding declaration other than
// UTF-8 are accepted.
//
// Responses are XML unless the request's Accept header asks for JSON, in the
// shapes and attribute order Tableau writes; errors carry Tableau's codes.
// With Config.Echo the same handler also answers postman-echo style requests
// (/get, /post, /status/{code}, ...) at the root, so generic collections and
// colrun's own tests run offline.
//
// Use New for an http.Handler (for httptest) or Start for a listening
// server. DefaultData holds the demo sites, users and credentials documented
// by the Demo* constants; LoadData reads a replacement from a JSON file.
//
// Permissions are modelled for writes only, as Tableau documents them:
// server administrators create and delete sites and manage server
// schedules; site and server administrators create top-level projects and
// manage users, groups and Connected Apps; an administrator or the owner or a
// leader (Project.LeaderIDs) of a project or of a project above it updates,
// moves or deletes it and sets permissions on it and its content (the
// content's owner may too); the Default project cannot be deleted or
// renamed. Refusals are 403 with code 403004. Explicit permission rules are
// stored and shown, not enforced. Beyond that, JWT scopes and site
// membership are checked and any signed-in user may read what the API
// exposes.
package mockserver
