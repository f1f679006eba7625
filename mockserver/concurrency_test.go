package mockserver

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestConcurrentUse has many clients sign in, read and create projects at
// once; run under -race it also checks the locking. Nothing may be lost:
// every created project is listed and readable afterwards.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	const workers, rounds = 24, 8
	var wg sync.WaitGroup
	var created sync.Map
	var failures atomic.Int32
	fail := func(format string, args ...any) {
		failures.Add(1)
		t.Errorf(format, args...)
	}
	// JWTs are minted here because minting may fail the test, which only
	// the test goroutine may do.
	jwts := make([][]string, workers)
	for w := range jwts {
		for range rounds {
			spec := demoJWT(testEpoch)
			spec.claims["scp"] = []string{"tableau:content:read", "tableau:projects:create"}
			jwts[w] = append(jwts[w], spec.mint(t))
		}
	}
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				var body string
				switch (w + r) % 3 {
				case 0:
					body = passwordBody(DemoAdminName, DemoAdminPassword, "Samples")
				case 1:
					body = passwordBody(DemoAliceName, DemoAlicePassword, "Samples")
				default:
					body = jwtBody(jwts[w][r], "Samples")
				}
				in, err := m.send(req{method: "POST", path: "auth/signin", body: body})
				token, err2 := in.attrOf("//credentials", "token")
				if err != nil || err2 != nil {
					fail("sign in: %v %v", err, err2)
					return
				}
				site := DemoSamplesSiteID
				for _, list := range []req{
					{path: "sites/" + site + "/workbooks?pageSize=7&pageNumber=2", token: token},
					{path: "sites/" + site + "/views", token: token, json: true},
					{path: "sessions/current", token: token},
				} {
					if got, err := m.send(list); err != nil || got.status != 200 {
						fail("%s: %v %d %s", list.path, err, got.status, got.body)
					}
				}
				// Under a project alice owns, since only administrators
				// create top-level projects.
				name := fmt.Sprintf("conc-%d-%d", w, r)
				got, err := m.send(req{method: "POST", path: "sites/" + site + "/projects", token: token,
					body: `<tsRequest><project name="` + name + `" parentProjectId="` + demoID(site, "project", "Samples") + `"/></tsRequest>`})
				id, err2 := got.attrOf("//project", "id")
				if err != nil || err2 != nil || got.status != 201 {
					fail("create %s: %v %v", name, err, err2)
					continue
				}
				created.Store(name, id)
				if r%2 == 0 {
					if got, err := m.send(req{method: "POST", path: "auth/signout", token: token}); err != nil || got.status != 204 {
						fail("sign out: %v %d", err, got.status)
					}
				}
			}
		}()
	}
	wg.Wait()
	if failures.Load() > 0 {
		return
	}
	token, site := m.admin("Samples")
	doc := m.do(req{path: "sites/" + site + "/projects?pageSize=1000", token: token}).xml(t)
	listed := 0
	for _, n := range names(doc, "project") {
		if strings.HasPrefix(n, "conc-") {
			listed++
		}
	}
	if listed != workers*rounds {
		t.Errorf("%d projects listed, %d created", listed, workers*rounds)
	}
	created.Range(func(name, id any) bool {
		m.do(req{path: "sites/" + site + "/projects/" + id.(string), token: token}).wantStatus(t, 200)
		return true
	})
}

// TestConcurrentReplay races many sign-ins with one JWT: exactly one may
// win, or the jti check has a hole.
func TestConcurrentReplay(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	tok := demoJWT(testEpoch).mint(t)
	var ok, refused atomic.Int32
	var wg sync.WaitGroup
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := m.send(req{method: "POST", path: "auth/signin", body: jwtBody(tok, "")})
			if err != nil {
				t.Error(err)
				return
			}
			switch r.status {
			case 200:
				ok.Add(1)
			case 401:
				refused.Add(1)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 1 || refused.Load() != 31 {
		t.Errorf("%d sign-ins succeeded and %d were refused, want 1 and 31", ok.Load(), refused.Load())
	}
}

// TestConcurrentPATSignIns races sign-ins with one PAT: afterwards exactly
// one of the sessions is alive.
func TestConcurrentPATSignIns(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	tokens := make([]string, 16)
	var wg sync.WaitGroup
	for i := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := m.send(req{method: "POST", path: "auth/signin", body: patBody(DemoPATName, DemoPATSecret, "")})
			if err == nil {
				tokens[i], err = r.attrOf("//credentials", "token")
			}
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	alive := 0
	for _, tok := range tokens {
		if m.do(req{path: "sessions/current", token: tok}).status == 200 {
			alive++
		}
	}
	if alive != 1 {
		t.Errorf("%d PAT sessions alive, want 1", alive)
	}
}
