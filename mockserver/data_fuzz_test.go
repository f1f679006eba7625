package mockserver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseData feeds arbitrary --data fixtures to the loader: each is
// refused with an error or, once accepted, serves every user's sign-in and
// the site's lists with Tableau answers, never a panic.
func FuzzParseData(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "minimal.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	demo, err := json.Marshal(DefaultData())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(demo)
	f.Add([]byte(`{"sites":[{"id":"s","name":"S","contentUrl":""}],"users":[{"id":"u","name":"a","password":"p","siteRole":"Viewer","siteIds":["s"]}]}`))
	f.Add([]byte(`{"sites":[],"users":null,"workbooks":[{"id":"w","siteId":"nope"}]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := ParseData(raw)
		if err != nil {
			return
		}
		cfg := Config{Data: d}
		if err := cfg.Validate(); err != nil {
			return
		}
		h := New(cfg)
		for _, s := range d.Sites {
			for _, u := range d.Users {
				in := serve(h, "POST", "/api/3.24/auth/signin", "", "", passwordBody(u.Name, u.Password, s.ContentURL))
				checkTableauAnswer(t, in, 200, 400, 401)
				if in.Code != 200 {
					continue
				}
				token := attrOfRecorder(t, in, "//credentials", "token")
				siteID := attrOfRecorder(t, in, "//credentials/site", "id")
				for kind := range resourceKinds {
					w := serve(h, "GET", "/api/3.24/sites/"+siteID+"/"+kind, "", token, "")
					checkTableauAnswer(t, w, 200, 403)
				}
			}
		}
	})
}
