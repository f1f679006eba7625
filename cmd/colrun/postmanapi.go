package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/colrun/colrun/collections"
)

// postmanAPIKeyEnv is where colrun also takes the Postman API key from, so
// that it need not be on the command line, where other users of the
// machine see it in process listings. Newman reads only the flag.
const postmanAPIKeyEnv = "POSTMAN_API_KEY"

// postmanAPIURL is the Postman API that inputs given by UID are fetched
// from, as Newman 6.2.2 fetches them. A variable only so that tests can
// point it at a local server.
var postmanAPIURL = "https://api.postman.com"

// postmanAPIHosts are the hosts Newman sends the API key to when an input
// is given as their URL.
var postmanAPIHosts = []string{"api.postman.com", "api.getpostman.com"}

// postmanAPIPaths are the inputs Newman fetches by UID (not globals, nor
// iteration data), and their paths in the API.
var postmanAPIPaths = map[string]string{"collection": "collections", "environment": "environments"}

// postmanUID is Newman's (and the Postman API's) UID: the owner's id, a
// dash, and a UUID.
var postmanUID = regexp.MustCompile(`(?i)^[0-9A-Z]+-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$`)

// apiLocation is where an input of kind (collection, environment or
// globals) given as path is read from, and the API key to send with it
// ("" none), as Newman's fetchJson decides: a UID that is no file's name,
// with an API key at hand, is fetched from the Postman API; a Postman API
// URL gets the key from its apikey query parameter, which is taken out of
// the URL, or else the key at hand.
func (ri *remoteInputs) apiLocation(kind, path string) (loc, key string) {
	if api, ok := postmanAPIPaths[kind]; ok && ri.apiKey != "" && postmanUID.MatchString(path) {
		if _, err := os.Stat(path); err != nil {
			return postmanAPIURL + "/" + api + "/" + path, ri.apiKey
		}
	}
	if !isRemote(path) {
		return path, ""
	}
	u, err := url.Parse(path)
	if err != nil || !slices.Contains(postmanAPIHosts, strings.ToLower(u.Hostname())) {
		return path, ""
	}
	key = ri.apiKey
	var kept []string
	found := false
	for _, kv := range strings.Split(u.RawQuery, "&") {
		name, value, _ := strings.Cut(kv, "=")
		if n, err := url.QueryUnescape(name); err == nil && n == "apikey" {
			if v, err := url.QueryUnescape(value); err == nil && v != "" && !found {
				key, found = v, true
			}
			continue
		}
		kept = append(kept, kv)
	}
	u.RawQuery = strings.Join(kept, "&")
	return u.String(), key
}

// missingUID is the error for a collection or environment given as a
// Postman UID that names no file when no API key is at hand: Newman says
// only that the file is missing, which leaves the user guessing; nil for
// other inputs.
func (ri *remoteInputs) missingUID(kind, path string) error {
	if _, ok := postmanAPIPaths[kind]; !ok || ri.apiKey != "" || !postmanUID.MatchString(path) {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	return &collections.InputError{File: path, Err: fmt.Errorf("no such %s file; to fetch it by UID from the Postman API, give --postman-api-key or set %s", kind, postmanAPIKeyEnv)}
}

// postmanAPIError is the message of a Postman API error answer
// ({"error": {"name", "message"}}), which Newman shows instead of the
// status; "" when the body has none.
func postmanAPIError(body io.Reader) string {
	var answer struct {
		Error struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.NewDecoder(io.LimitReader(body, 64<<10)).Decode(&answer) != nil || answer.Error.Message == "" {
		return ""
	}
	if answer.Error.Name == "" {
		return answer.Error.Message
	}
	return fmt.Sprintf("%s: %s", answer.Error.Name, answer.Error.Message)
}

// urlAPIKeys are the values of the apikey query parameters of an input
// given as a URL (a Postman API link copied with its key): they are
// secrets like --postman-api-key, masked in every message that names the
// URL, whichever host it names.
func urlAPIKeys(path string) []string {
	if !isRemote(path) {
		return nil
	}
	u, err := url.Parse(path)
	if err != nil {
		return nil
	}
	var keys []string
	for _, kv := range strings.Split(u.RawQuery, "&") {
		name, value, _ := strings.Cut(kv, "=")
		if n, err := url.QueryUnescape(name); err != nil || n != "apikey" || value == "" {
			continue
		}
		keys = append(keys, value)
		if v, err := url.QueryUnescape(value); err == nil && v != value {
			keys = append(keys, v)
		}
	}
	return keys
}
