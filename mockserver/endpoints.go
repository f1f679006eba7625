package mockserver

import (
	_ "embed"
	"strings"
	"sync"
)

// endpointsText lists Tableau's REST endpoints; see the file's header for
// where it comes from and its syntax.
//
//go:embed endpoints.txt
var endpointsText string

// endpointPattern is one line of endpoints.txt.
type endpointPattern struct {
	method string
	// unversioned marks /api/-/... paths, which carry no version.
	unversioned bool
	segs        []string // after the version; "{}" matches any segment
}

// tableauEndpoints parses the table on first use rather than at package
// init: every colrun process links the mock, and most never start it.
var tableauEndpoints = sync.OnceValue(func() []endpointPattern { return parseEndpoints(endpointsText) })

// parseEndpoints reads endpoints.txt. The file is embedded and checked by
// TestEndpointTable, so a malformed line is a programming error; it is
// skipped rather than panicking at start-up.
func parseEndpoints(text string) []endpointPattern {
	var out []endpointPattern
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		method, path, ok := strings.Cut(line, " ")
		segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
		if !ok || len(segs) < 2 || segs[0] != "{v}" && segs[0] != "-" {
			continue
		}
		out = append(out, endpointPattern{method: method, unversioned: segs[0] == "-", segs: segs[1:]})
	}
	return out
}

func (p endpointPattern) matches(unversioned bool, segs []string) bool {
	if p.unversioned != unversioned || len(p.segs) != len(segs) {
		return false
	}
	for i, s := range p.segs {
		if s != "{}" && s != segs[i] {
			return false
		}
	}
	return true
}

// tableauMethods returns the methods Tableau serves at a path (segments
// after the version); none means Tableau has no such resource.
func tableauMethods(unversioned bool, segs []string) []string {
	var methods []string
	for _, p := range tableauEndpoints() {
		if p.matches(unversioned, segs) {
			methods = append(methods, p.method)
		}
	}
	return methods
}
