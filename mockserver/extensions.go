package mockserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/google/uuid"
)

// Dashboard Extensions Settings Methods (rest_api_ref_dashboard_extensions_
// settings.htm) under the unversioned /api/-/settings/: the server's
// settings and block list, for server administrators, and the signed-in
// site's settings and safe list, for its administrators (403004 for
// others); JWT sessions are refused (401002), as the reference gives
// these methods no access scope. Tableau retired these methods in API
// 3.21 (Server 2023.3) for the versioned Tableau Extensions Settings
// Methods, which the mock does not serve; the official Postman collection
// still calls these, so the mock answers them as the reference documented
// them.
//
// They speak JSON only, in the media types their Accept headers name
// (jsonAnswer), with snake_case members as the reference's request
// bodies have them (url, block_list_item_luid, safe_list_item_luid,
// allow_full_data, prompt_needed, extensions_enabled, allow_sandboxed,
// block_list_items, safe_list_items). Flags are JSON booleans; the strings
// "true" and "false", which the collection sends, are taken too. The
// reference's error tables for these methods are not at hand: a body
// that is not such JSON or lacks a url is 400000, and an unknown item id
// 404003, the code Tableau answers for an unknown id of its newer
// resources (as for webhooks).

// flag is a JSON boolean that also reads "true" and "false".
type flag bool

func (f *flag) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		b = []byte(s)
	}
	v, err := strconv.ParseBool(string(b))
	if err != nil || string(b) != "true" && string(b) != "false" {
		return errors.New("want true or false")
	}
	*f = flag(v)
	return nil
}

// blockItem is an entry of the server's block list.
type blockItem struct {
	URL  string `json:"url"`
	LUID string `json:"block_list_item_luid"`
}

// safeItem is an entry of a site's safe list.
type safeItem struct {
	LUID          string `json:"safe_list_item_luid"`
	URL           string `json:"url"`
	AllowFullData flag   `json:"allow_full_data"`
	PromptNeeded  flag   `json:"prompt_needed"`
}

// serverExtensions and siteExtensions are the settings; a site has the
// defaults of a new Tableau site until changed.
type serverExtensions struct {
	Enabled   flag        `json:"extensions_enabled"`
	BlockList []blockItem `json:"block_list_items"`
}

type siteExtensions struct {
	Enabled        flag       `json:"extensions_enabled"`
	AllowSandboxed flag       `json:"allow_sandboxed"`
	SafeList       []safeItem `json:"safe_list_items"`
}

// extensionSettings is the store's part: the server's settings and each
// site's, by site id.
type extensionSettings struct {
	server serverExtensions
	sites  map[string]*siteExtensions
}

func (st *store) extensions() *extensionSettings {
	if st.ext == nil {
		st.ext = &extensionSettings{server: serverExtensions{Enabled: true, BlockList: []blockItem{}}, sites: map[string]*siteExtensions{}}
	}
	return st.ext
}

func (e *extensionSettings) site(id string) *siteExtensions {
	s, ok := e.sites[id]
	if !ok {
		s = &siteExtensions{Enabled: true, AllowSandboxed: true, SafeList: []safeItem{}}
		e.sites[id] = s
	}
	return s
}

// extensionRoutes answers /api/-/settings/{server|site}/extensions/
// dashboard[/{blockListItems|safeListItems}[/{luid}]]; segs start at
// "settings".
func (h *handler) extensionRoutes(segs []string) endpoint {
	if len(segs) < 4 || segs[0] != "settings" || segs[2] != "extensions" || segs[3] != "dashboard" {
		return nil
	}
	server := segs[1] == "server"
	if !server && segs[1] != "site" {
		return nil
	}
	list := map[bool]string{true: "blockListItems", false: "safeListItems"}[server]
	switch {
	case len(segs) == 4:
		return endpoint{http.MethodGet: h.withExtensions(server, getExtensionSettings), http.MethodPut: h.withExtensions(server, putExtensionSettings)}
	case len(segs) == 5 && segs[4] == list:
		return endpoint{http.MethodGet: h.withExtensions(server, listExtensionItems), http.MethodPost: h.withExtensions(server, addExtensionItem)}
	case len(segs) == 6 && segs[4] == list:
		ep := endpoint{http.MethodGet: h.withExtensions(server, getExtensionItem), http.MethodDelete: h.withExtensions(server, deleteExtensionItem)}
		if !server {
			ep[http.MethodPut] = h.withExtensions(server, updateSafeItem)
		}
		return ep
	}
	return nil
}

// extCall is a dashboard extension request with the store locked: the
// settings it reads or changes and its JSON body, if any.
type extCall struct {
	*call
	server bool
	ext    *extensionSettings
	site   *siteExtensions
	body   []byte
}

// withExtensions checks the session and the caller's role, then runs fn
// with the store locked.
func (h *handler) withExtensions(server bool, fn func(*extCall) (result, *apiError)) func(*call) (result, *apiError) {
	return func(c *call) (result, *apiError) {
		raw, err := c.readRaw()
		if err != nil {
			return result{}, err
		}
		if err := c.beginServer("extensions", "read"); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		if server {
			err = c.requireServerAdmin("manage the server's dashboard extension settings")
		} else {
			err = c.requireAdmin("manage the site's dashboard extension settings")
		}
		if err != nil {
			return result{}, err
		}
		e := &extCall{call: c, server: server, ext: st.extensions(), body: raw}
		e.site = e.ext.site(c.sess.siteID)
		return fn(e)
	}
}

// decode reads the JSON body into v, refusing unknown members, as the
// body must be one of the reference's shapes.
func (e *extCall) decode(v any) *apiError {
	dec := json.NewDecoder(bytes.NewReader(e.body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errBadRequest("The body is not a dashboard extension settings object as the reference gives it: " + err.Error() + ".")
	}
	return nil
}

// jsonAnswer is a JSON answer of one of the methods' media types
// (ServerSettings, SiteSettings, BlockListItem(s), SafeListItem(s)), the
// types the official collection's Accept and Content-Type headers name.
// Clients that look for application/json, as that collection's own test
// script does to find a tsResponse, leave these answers alone.
func jsonAnswer(status int, media string, v any) (result, *apiError) {
	data, err := json.Marshal(v)
	if err != nil {
		return result{}, errInternal()
	}
	return result{status: status, file: &fileBody{contentType: "application/vnd.tableau.extensions.dashboard.v1." + media + "+json", data: data}}, nil
}

func checkExtensionURL(u string) *apiError {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.Scheme != "https" && p.Scheme != "http" {
		return errBadRequest("The extension url '" + u + "' is not an absolute http or https URL.")
	}
	return nil
}

func errExtensionItem(id string) *apiError {
	return errNotFound(404003, "Dashboard extension list item", id)
}

func getExtensionSettings(e *extCall) (result, *apiError) {
	if e.server {
		return jsonAnswer(http.StatusOK, "ServerSettings", e.ext.server)
	}
	return jsonAnswer(http.StatusOK, "SiteSettings", e.site)
}

// putExtensionSettings changes the flags a body gives and, when it gives
// the list, replaces the list.
func putExtensionSettings(e *extCall) (result, *apiError) {
	if e.server {
		next := e.ext.server
		next.BlockList = nil
		if err := e.decode(&next); err != nil {
			return result{}, err
		}
		if next.BlockList == nil {
			next.BlockList = e.ext.server.BlockList
		} else if err := fillBlockItems(next.BlockList); err != nil {
			return result{}, err
		}
		e.ext.server = next
		return jsonAnswer(http.StatusOK, "ServerSettings", next)
	}
	next := *e.site
	next.SafeList = nil
	if err := e.decode(&next); err != nil {
		return result{}, err
	}
	if next.SafeList == nil {
		next.SafeList = e.site.SafeList
	} else {
		for i := range next.SafeList {
			if err := fillSafeItem(&next.SafeList[i]); err != nil {
				return result{}, err
			}
		}
	}
	*e.site = next
	return jsonAnswer(http.StatusOK, "SiteSettings", next)
}

// fillBlockItems checks new block list entries and gives those without
// an id one.
func fillBlockItems(items []blockItem) *apiError {
	for i := range items {
		if err := checkExtensionURL(items[i].URL); err != nil {
			return err
		}
		if items[i].LUID == "" {
			items[i].LUID = uuid.NewString()
		}
	}
	return nil
}

func fillSafeItem(s *safeItem) *apiError {
	if err := checkExtensionURL(s.URL); err != nil {
		return err
	}
	if s.LUID == "" {
		s.LUID = uuid.NewString()
	}
	return nil
}

func listExtensionItems(e *extCall) (result, *apiError) {
	if e.server {
		return jsonAnswer(http.StatusOK, "BlockListItems", map[string]any{"block_list_items": e.ext.server.BlockList})
	}
	return jsonAnswer(http.StatusOK, "SafeListItems", map[string]any{"safe_list_items": e.site.SafeList})
}

// addExtensionItem adds an entry; an id in the body is not kept, as
// Tableau makes its own.
func addExtensionItem(e *extCall) (result, *apiError) {
	if e.server {
		var b blockItem
		if err := e.decode(&b); err != nil {
			return result{}, err
		}
		b.LUID = ""
		items := []blockItem{b}
		if err := fillBlockItems(items); err != nil {
			return result{}, err
		}
		e.ext.server.BlockList = append(e.ext.server.BlockList, items[0])
		return jsonAnswer(http.StatusCreated, "BlockListItem", items[0])
	}
	var s safeItem
	if err := e.decode(&s); err != nil {
		return result{}, err
	}
	s.LUID = ""
	if err := fillSafeItem(&s); err != nil {
		return result{}, err
	}
	e.site.SafeList = append(e.site.SafeList, s)
	return jsonAnswer(http.StatusCreated, "SafeListItem", s)
}

// itemIndex finds the entry the URL names in the list the call reads.
func (e *extCall) itemIndex() (int, *apiError) {
	id := e.segs[5]
	var i int
	if e.server {
		i = slices.IndexFunc(e.ext.server.BlockList, func(b blockItem) bool { return b.LUID == id })
	} else {
		i = slices.IndexFunc(e.site.SafeList, func(s safeItem) bool { return s.LUID == id })
	}
	if i < 0 {
		return 0, errExtensionItem(id)
	}
	return i, nil
}

func getExtensionItem(e *extCall) (result, *apiError) {
	i, err := e.itemIndex()
	if err != nil {
		return result{}, err
	}
	if e.server {
		return jsonAnswer(http.StatusOK, "BlockListItem", e.ext.server.BlockList[i])
	}
	return jsonAnswer(http.StatusOK, "SafeListItem", e.site.SafeList[i])
}

func deleteExtensionItem(e *extCall) (result, *apiError) {
	i, err := e.itemIndex()
	if err != nil {
		return result{}, err
	}
	if e.server {
		e.ext.server.BlockList = slices.Delete(e.ext.server.BlockList, i, i+1)
	} else {
		e.site.SafeList = slices.Delete(e.site.SafeList, i, i+1)
	}
	return answer(http.StatusNoContent)
}

// updateSafeItem changes what the body gives of a safe list entry; its id
// stays.
func updateSafeItem(e *extCall) (result, *apiError) {
	i, err := e.itemIndex()
	if err != nil {
		return result{}, err
	}
	next := e.site.SafeList[i]
	if err := e.decode(&next); err != nil {
		return result{}, err
	}
	next.LUID = e.site.SafeList[i].LUID
	if err := checkExtensionURL(next.URL); err != nil {
		return result{}, err
	}
	e.site.SafeList[i] = next
	return jsonAnswer(http.StatusOK, "SafeListItem", next)
}
