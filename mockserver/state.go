package mockserver

import (
	"crypto/rand"
	"slices"
	"strings"
	"sync"
	"time"
)

// store is the server's whole mutable state. One mutex guards it: requests
// are short and the mock's load is a test run's, so simplicity wins over
// finer locking, and every response is built from one consistent snapshot.
type store struct {
	mu   sync.Mutex
	data *Data

	sessions map[string]*session
	// patSession maps a PAT name to the token of the session it opened,
	// because a new sign-in with the same PAT ends the earlier session.
	patSession map[string]string
	// jtis holds the ids of accepted JWTs until they expire, to refuse
	// replays.
	jtis map[string]time.Time
	// jobs are the background jobs started through the API (extract
	// refreshes), oldest first.
	jobs []*job
	// favorites maps a user id to the user's favorites, in the order added.
	favorites map[string][]favorite
	// perms holds the explicit permission rules set through the API, by
	// permKey (e.g. "workbook/<id>"), grantees in the order first added.
	perms map[string][]grant
	// tasks, subscriptions and webhooks are those created through the
	// API, oldest first.
	tasks         []*task
	subscriptions []*subscription
	webhooks      []*webhook
	// dqws are the data quality warnings set through the API, oldest
	// first.
	dqws []*dqw
	// conns holds the connections of workbooks, data sources and flows
	// changed through the API, by item id; others have the default.
	conns map[string]*connection
	// uploads are the file upload sessions begun and not yet published.
	uploads []*upload
	// hyperRequests maps each Hyper data update (data source id, NUL,
	// RequestID) to the job it started, so that a repeat answers that job.
	hyperRequests map[string]*job
	// ext holds the dashboard extension settings, made on first use.
	ext *extensionSettings
	// frequencies holds the frequencyDetails of schedules created or
	// updated through the API, by schedule id.
	frequencies map[string]*node
}

// session is a signed-in token. scopes is nil for password and PAT
// sessions, which are not limited by scope.
type session struct {
	token    string
	siteID   string
	userID   string
	lastUsed time.Time
	scopes   []string
	jwt      bool
	pat      string // the PAT that opened the session
	app      string // the Connected App client id of a JWT session
}

func newStore(d *Data) *store {
	return &store{
		data:       d,
		sessions:   map[string]*session{},
		patSession: map[string]string{},
		jtis:       map[string]time.Time{},
		favorites:  map[string][]favorite{},
		perms:      map[string][]grant{},
		conns:      map[string]*connection{},
	}
}

// newToken makes a 32-character token like those Tableau issues.
func newToken() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	var raw [32]byte
	_, _ = rand.Read(raw[:]) // crypto/rand.Read never fails on supported platforms
	for i, c := range raw {
		raw[i] = alphabet[int(c)%len(alphabet)]
	}
	return string(raw[:])
}

// openSession must be called with mu held. It also drops idle-expired
// sessions, so that a long-running mock does not accumulate them.
func (s *store) openSession(siteID, userID string, now time.Time, ttl time.Duration) *session {
	for token, old := range s.sessions {
		if now.Sub(old.lastUsed) > ttl {
			s.endSession(token)
		}
	}
	sess := &session{token: newToken(), siteID: siteID, userID: userID, lastUsed: now}
	s.sessions[sess.token] = sess
	if u := s.user(userID); u != nil {
		u.LastLogin = now
	}
	return sess
}

// endSession must be called with mu held.
func (s *store) endSession(token string) {
	sess, ok := s.sessions[token]
	if !ok {
		return
	}
	delete(s.sessions, token)
	if sess.pat != "" && s.patSession[sess.pat] == token {
		delete(s.patSession, sess.pat)
	}
}

// touch returns the live session of a token and restarts its idle timer;
// an idle-expired session is removed. Must be called with mu held.
func (s *store) touch(token string, now time.Time, ttl time.Duration) *session {
	sess, ok := s.sessions[token]
	if !ok {
		return nil
	}
	if now.Sub(sess.lastUsed) > ttl {
		s.endSession(token)
		return nil
	}
	sess.lastUsed = now
	return sess
}

// The lookups below must be called with mu held. They return pointers into
// the data so that callers can update in place.

func (s *store) site(id string) *Site {
	for i := range s.data.Sites {
		if s.data.Sites[i].ID == id {
			return &s.data.Sites[i]
		}
	}
	return nil
}

func (s *store) siteByContentURL(contentURL string) *Site {
	for i := range s.data.Sites {
		if strings.EqualFold(s.data.Sites[i].ContentURL, contentURL) {
			return &s.data.Sites[i]
		}
	}
	return nil
}

func (s *store) user(id string) *User {
	for i := range s.data.Users {
		if s.data.Users[i].ID == id {
			return &s.data.Users[i]
		}
	}
	return nil
}

// userByName matches case-insensitively, as Tableau's sign-in does.
func (s *store) userByName(name string) *User {
	for i := range s.data.Users {
		if strings.EqualFold(s.data.Users[i].Name, name) {
			return &s.data.Users[i]
		}
	}
	return nil
}

// userByExactName finds a user by case-sensitive name, for JWT subjects.
func (s *store) userByExactName(name string) *User {
	for i := range s.data.Users {
		if s.data.Users[i].Name == name {
			return &s.data.Users[i]
		}
	}
	return nil
}

func (u *User) memberOf(siteID string) bool {
	return len(u.SiteIDs) == 0 || slices.Contains(u.SiteIDs, siteID)
}

func (u *User) serverAdmin() bool { return u.SiteRole == "ServerAdministrator" }

// siteAdmin reports an administrator of the sites the user belongs to:
// server administrators and the SiteAdministrator roles (Creator,
// Explorer, and the pre-2018.1 SiteAdministrator).
func (u *User) siteAdmin() bool {
	return u.serverAdmin() || strings.HasPrefix(u.SiteRole, "SiteAdministrator")
}

func (s *store) project(siteID, id string) *Project {
	for i := range s.data.Projects {
		if p := &s.data.Projects[i]; p.ID == id && p.SiteID == siteID {
			return p
		}
	}
	return nil
}

func (s *store) workbook(siteID, id string) *Workbook {
	for i := range s.data.Workbooks {
		if w := &s.data.Workbooks[i]; w.ID == id && w.SiteID == siteID {
			return w
		}
	}
	return nil
}

// secret finds a Connected App secret by its id, with its app.
func (s *store) secret(id string) (*ConnectedApp, *ConnectedAppSecret) {
	for i := range s.data.ConnectedApps {
		a := &s.data.ConnectedApps[i]
		for j := range a.Secrets {
			if a.Secrets[j].ID == id {
				return a, &a.Secrets[j]
			}
		}
	}
	return nil, nil
}

func (s *store) app(clientID string) *ConnectedApp {
	for i := range s.data.ConnectedApps {
		if s.data.ConnectedApps[i].ClientID == clientID {
			return &s.data.ConnectedApps[i]
		}
	}
	return nil
}

// seenJTI records a JWT id and reports whether it had been seen; expired
// ids are dropped first, since an expired JWT fails anyway. Must be called
// with mu held.
func (s *store) seenJTI(jti string, exp, now time.Time, skew time.Duration) bool {
	for id, until := range s.jtis {
		if now.After(until.Add(skew)) {
			delete(s.jtis, id)
		}
	}
	if _, ok := s.jtis[jti]; ok {
		return true
	}
	s.jtis[jti] = exp
	return false
}
