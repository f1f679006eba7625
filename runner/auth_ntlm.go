package runner

import (
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/Azure/go-ntlmssp"

	"github.com/colrun/colrun/collections"
)

// authReplayer is an auth that answers a response by signing the request
// again and replaying it: digest after a challenge, ntlm for each step of
// its handshake (postman-runtime's post hook asking for a replay).
type authReplayer interface {
	retry(code int, header http.Header) bool
	sign(o *outgoing)
}

// replayer returns the request's replaying auth, if it has one.
func (o *outgoing) replayer() authReplayer {
	switch {
	case o.digest != nil:
		return o.digest
	case o.ntlm != nil:
		return o.ntlm
	}
	return nil
}

// NTLM challenge flags that httpntlm does not act on.
const (
	ntlmKeyExchange = 0x40000000
	ntlmLMKey       = 0x00000080
)

// ntlmStep is where a request is in the handshake.
type ntlmStep int

const (
	ntlmStart         ntlmStep = iota // sent without credentials
	ntlmNegotiateSent                 // sent the type 1 (negotiate) message
	ntlmAuthSent                      // sent the type 3 (authenticate) message
)

// ntlmSigner runs postman-runtime's NTLM handshake for one request: it is
// sent without an Authorization header first; a 401 or 403 that offers
// NTLM is answered with a negotiate message, the server's challenge with
// an authenticate message, each a replay on the same connection, and
// whatever the server says to that stands. NTLM authenticates the
// connection, so a later request that reuses it passes straight away,
// as in Newman. The messages are go-ntlmssp's (NTLMv2).
type ntlmSigner struct {
	auth   *collections.Auth
	step   ntlmStep
	header string
	// notes are problems met during the handshake, as Newman's warnings.
	notes []string
}

// applyNTLM drops any Authorization header, as postman-runtime's ntlm
// authorizer does, and sets the request up for the handshake.
func applyNTLM(a *collections.Auth, out *outgoing) {
	n := &ntlmSigner{auth: a}
	out.ntlm = n
	n.sign(out)
}

func (n *ntlmSigner) sign(o *outgoing) {
	o.removeHeader("Authorization")
	if n.header != "" {
		o.addHeader("Authorization", n.header)
	}
}

// retry is postman-runtime's ntlm post hook.
func (n *ntlmSigner) retry(code int, header http.Header) bool {
	get := func(k string) string { return getAuth(n.auth, k).or("") }
	if getAuth(n.auth, "disableRetryRequest").truthy() || (code != 401 && code != 403) {
		return false
	}
	challenges := header.Values("WWW-Authenticate")
	username, domain := get("username"), get("domain")
	if domain == "" {
		username, domain = ntlmSplitUsername(username)
	}
	// httpntlm sends the domain and workstation upper-cased (and
	// JavaScript-escaped, which leaves the usual names as they are).
	domain, workstation := strings.ToUpper(domain), strings.ToUpper(get("workstation"))
	switch n.step {
	case ntlmStart:
		if !ntlmOffered(challenges) {
			return false
		}
		msg, err := ntlmssp.NewNegotiateMessage(domain, workstation)
		if err != nil {
			n.notes = append(n.notes, "ntlm auth: could not make the negotiate message: "+err.Error())
			return false
		}
		n.header = "NTLM " + base64.StdEncoding.EncodeToString(msg)
		n.step = ntlmNegotiateSent
		return true
	case ntlmNegotiateSent:
		var challenge string
		for _, c := range challenges {
			if strings.HasPrefix(c, "NTLM ") {
				challenge = strings.TrimSpace(c[len("NTLM "):])
				break
			}
		}
		if challenge == "" {
			n.notes = append(n.notes, "ntlm auth: there was an error validating auth: ntlm: server did not send NTLM type 2 message; its 401 stands")
			return false
		}
		data, err := base64.StdEncoding.DecodeString(challenge)
		if err != nil {
			data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(challenge, "="))
		}
		user := username
		if domain != "" {
			user = domain + `\` + username
		}
		if err == nil && len(data) >= 24 {
			// httpntlm, which Newman uses, ignores a server's key-exchange
			// and LM-key flags (and so answers without them); go-ntlmssp
			// refuses a challenge that has them, so they are cleared.
			data = slices.Clone(data)
			flags := binary.LittleEndian.Uint32(data[20:24]) &^ (ntlmKeyExchange | ntlmLMKey)
			binary.LittleEndian.PutUint32(data[20:24], flags)
		}
		var msg []byte
		if err == nil {
			msg, err = ntlmssp.NewAuthenticateMessage(data, user, get("password"), &ntlmssp.AuthenticateMessageOptions{WorkstationName: workstation})
		}
		if err != nil {
			n.notes = append(n.notes, "ntlm auth: there was an error validating auth: ntlm: server did not correctly process authentication request ("+err.Error()+"); its 401 stands")
			return false
		}
		n.header = "NTLM " + base64.StdEncoding.EncodeToString(msg)
		n.step = ntlmAuthSent
		return true
	}
	return false
}

// ntlmOffered is postman-runtime's hasNTLMChallenge: a WWW-Authenticate
// header that is exactly "NTLM" or "negotiate", or a last one that
// mentions NTLM.
func ntlmOffered(challenges []string) bool {
	for _, c := range challenges {
		if c == "NTLM" || c == "negotiate" {
			return true
		}
	}
	return len(challenges) > 0 && strings.Contains(challenges[len(challenges)-1], "NTLM")
}

// ntlmSplitUsername reads DOMAIN\user or user@domain; a name with both
// separators, or neither, has no domain.
func ntlmSplitUsername(username string) (user, domain string) {
	dll, upn := strings.Split(username, `\`), strings.Split(username, "@")
	switch {
	case len(dll) > 1 && len(upn) > 1:
	case len(dll) == 2 && dll[0] != "" && dll[1] != "":
		return dll[1], dll[0]
	case len(upn) == 2 && upn[0] != "" && upn[1] != "":
		return upn[0], upn[1]
	}
	return username, ""
}

// ntlmPools holds the connections NTLM requests use, apart from the
// others. A handshake's three round trips must use one connection, which
// then stays authenticated; with --parallel, another worker taking that
// connection between them would break it, so handshakes take turns.
type ntlmPools struct {
	turn  sync.Mutex
	mu    sync.Mutex
	pools map[*http.Transport]*http.Transport
}

// hold waits for the run's NTLM requests before this one to finish and
// returns the function that lets the next one go.
func (p *ntlmPools) hold() func() {
	p.turn.Lock()
	return p.turn.Unlock
}

// pool returns the NTLM connection pool with base's settings.
func (p *ntlmPools) pool(base *http.Transport) *http.Transport {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pools == nil {
		p.pools = map[*http.Transport]*http.Transport{}
	}
	t := p.pools[base]
	if t == nil {
		t = base.Clone()
		p.pools[base] = t
	}
	return t
}

func (p *ntlmPools) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, t := range p.pools {
		t.CloseIdleConnections()
	}
}
