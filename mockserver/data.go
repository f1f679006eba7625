package mockserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Data is everything the mock serves: the fixture that DefaultData returns
// and that LoadData reads from a JSON file (colrun mock --data). Content
// items point at their site, project and owner by id. The server works on a
// private copy, so a Data value can be reused for several servers.
//
// Ids must be UUIDs, because Tableau's schema types them so and clients
// parse them; dates are RFC 3339.
type Data struct {
	Sites         []Site         `json:"sites"`
	Users         []User         `json:"users"`
	PATs          []PAT          `json:"personalAccessTokens,omitempty"`
	ConnectedApps []ConnectedApp `json:"connectedApps,omitempty"`
	Projects      []Project      `json:"projects,omitempty"`
	Groups        []Group        `json:"groups,omitempty"`
	Workbooks     []Workbook     `json:"workbooks,omitempty"`
	Datasources   []Datasource   `json:"datasources,omitempty"`
	Views         []View         `json:"views,omitempty"`
	Flows         []Flow         `json:"flows,omitempty"`
	// Schedules are server-wide, as on Tableau Server.
	Schedules []Schedule `json:"schedules,omitempty"`
}

// Site is a Tableau site. The default site has the empty content URL.
type Site struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	ContentURL string `json:"contentUrl"`
}

// User is a user who can sign in. SiteIDs lists the sites the user belongs
// to; empty means every site. A ServerAdministrator may impersonate others.
type User struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Password string `json:"password,omitempty"`
	FullName string `json:"fullName,omitempty"`
	Email    string `json:"email,omitempty"`
	// SiteRole is one of Tableau's site roles, e.g. "Creator" or
	// "ServerAdministrator".
	SiteRole string `json:"siteRole"`
	// AuthSetting defaults to "ServerDefault".
	AuthSetting string    `json:"authSetting,omitempty"`
	SiteIDs     []string  `json:"siteIds,omitempty"`
	LastLogin   time.Time `json:"lastLogin,omitzero"`
}

// PAT is a personal access token. A token past ExpiresAt (when set) or
// revoked cannot sign in.
type PAT struct {
	Name      string    `json:"name"`
	Secret    string    `json:"secret"`
	UserID    string    `json:"userId"`
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
	Revoked   bool      `json:"revoked,omitempty"`
}

// ConnectedApp is a direct-trust Connected App whose secrets sign JWTs.
// Tableau allows at most two secrets per app so that one can be rotated.
// SiteIDs limits the sites its JWTs may sign in to; empty means every site.
// Apps created through the REST API belong to the site they were created
// on and start with no secret.
type ConnectedApp struct {
	ClientID string               `json:"clientId"`
	Name     string               `json:"name,omitempty"`
	Disabled bool                 `json:"disabled,omitempty"`
	SiteIDs  []string             `json:"siteIds,omitempty"`
	Secrets  []ConnectedAppSecret `json:"secrets"`
	// DomainSafelist, UnrestrictedEmbedding and ProjectID limit where
	// and what the app embeds; the mock serves no embedding, so they are
	// kept and shown, not applied to REST sign-in.
	DomainSafelist        string    `json:"domainSafelist,omitempty"`
	UnrestrictedEmbedding bool      `json:"unrestrictedEmbedding,omitempty"`
	ProjectID             string    `json:"projectId,omitempty"`
	CreatedAt             time.Time `json:"createdAt,omitzero"`
}

// ConnectedAppSecret is one secret of a Connected App: its id goes in the
// JWT header as kid, its value is the HMAC key.
type ConnectedAppSecret struct {
	ID        string    `json:"id"`
	Value     string    `json:"value"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
}

// Project is a project of a site; ParentProjectID is empty for top-level
// projects.
type Project struct {
	ID                 string `json:"id"`
	SiteID             string `json:"siteId"`
	Name               string `json:"name"`
	Description        string `json:"description,omitempty"`
	ParentProjectID    string `json:"parentProjectId,omitempty"`
	OwnerID            string `json:"ownerId"`
	ContentPermissions string `json:"contentPermissions,omitempty"`
	// CreatedAt and UpdatedAt are listed as Tableau 3.x lists them; a
	// date filter or sort on projects compares them.
	CreatedAt time.Time `json:"createdAt,omitzero"`
	UpdatedAt time.Time `json:"updatedAt,omitzero"`
	// LeaderIDs are the users holding the Project Leader capability on
	// the project (and so on its descendants), who may manage it like
	// its owner.
	LeaderIDs []string `json:"leaderIds,omitempty"`
}

// Group is a local group of a site.
type Group struct {
	ID      string   `json:"id"`
	SiteID  string   `json:"siteId"`
	Name    string   `json:"name"`
	Domain  string   `json:"domain,omitempty"`
	UserIDs []string `json:"userIds,omitempty"`
}

// Workbook is a published workbook.
type Workbook struct {
	ID          string    `json:"id"`
	SiteID      string    `json:"siteId"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	ContentURL  string    `json:"contentUrl"`
	ProjectID   string    `json:"projectId"`
	OwnerID     string    `json:"ownerId"`
	ShowTabs    bool      `json:"showTabs,omitempty"`
	Size        int       `json:"size,omitempty"`
	CreatedAt   time.Time `json:"createdAt,omitzero"`
	UpdatedAt   time.Time `json:"updatedAt,omitzero"`
	Tags        []string  `json:"tags,omitempty"`
}

// Datasource is a published data source.
type Datasource struct {
	ID              string    `json:"id"`
	SiteID          string    `json:"siteId"`
	Name            string    `json:"name"`
	Description     string    `json:"description,omitempty"`
	ContentURL      string    `json:"contentUrl"`
	Type            string    `json:"type,omitempty"`
	ProjectID       string    `json:"projectId"`
	OwnerID         string    `json:"ownerId"`
	Size            int       `json:"size,omitempty"`
	HasExtracts     bool      `json:"hasExtracts,omitempty"`
	EncryptExtracts bool      `json:"encryptExtracts,omitempty"`
	CreatedAt       time.Time `json:"createdAt,omitzero"`
	UpdatedAt       time.Time `json:"updatedAt,omitzero"`
	Tags            []string  `json:"tags,omitempty"`
}

// View is a sheet, dashboard or story of a workbook. OwnerID and ProjectID
// default to the workbook's.
type View struct {
	ID             string    `json:"id"`
	SiteID         string    `json:"siteId"`
	Name           string    `json:"name"`
	ContentURL     string    `json:"contentUrl"`
	WorkbookID     string    `json:"workbookId"`
	OwnerID        string    `json:"ownerId,omitempty"`
	ProjectID      string    `json:"projectId,omitempty"`
	SheetType      string    `json:"sheetType,omitempty"`
	CreatedAt      time.Time `json:"createdAt,omitzero"`
	UpdatedAt      time.Time `json:"updatedAt,omitzero"`
	Tags           []string  `json:"tags,omitempty"`
	TotalViewCount int       `json:"totalViewCount,omitempty"`
}

// Flow is a published Tableau Prep flow. FileType defaults to "tflx".
type Flow struct {
	ID          string    `json:"id"`
	SiteID      string    `json:"siteId"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	ProjectID   string    `json:"projectId"`
	OwnerID     string    `json:"ownerId"`
	FileType    string    `json:"fileType,omitempty"`
	CreatedAt   time.Time `json:"createdAt,omitzero"`
	UpdatedAt   time.Time `json:"updatedAt,omitzero"`
	Tags        []string  `json:"tags,omitempty"`
}

// Schedule is a server schedule. Type is Extract, Subscription, Flow or
// System; Frequency is Hourly, Daily, Weekly or Monthly; State defaults to
// Active and Priority to 50.
type Schedule struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	State          string    `json:"state,omitempty"`
	Priority       int       `json:"priority,omitempty"`
	Type           string    `json:"type"`
	Frequency      string    `json:"frequency"`
	ExecutionOrder string    `json:"executionOrder,omitempty"`
	CreatedAt      time.Time `json:"createdAt,omitzero"`
	UpdatedAt      time.Time `json:"updatedAt,omitzero"`
	NextRunAt      time.Time `json:"nextRunAt,omitzero"`
}

// LoadData reads a fixture in Data's JSON form and validates it. Errors
// name the file and, where known, the line and column or the field.
func LoadData(path string) (*Data, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mock data: %w", err)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("%s: the file is empty; a fixture is a JSON object (see mockserver/testdata/minimal.json)", path)
	}
	d, err := ParseData(raw)
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(raw, se.Offset)
			return nil, fmt.Errorf("%s:%d:%d: %v", path, line, col, se)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// encoding/json gives no offset for a document cut short:
			// it ends at the file's last byte.
			line, col := lineCol(raw, int64(len(raw))+1)
			return nil, fmt.Errorf("%s:%d:%d: the JSON ends before it is complete", path, line, col)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// ParseData decodes and validates a fixture; unknown fields are errors so
// that a misspelt key does not silently fall back to nothing. A value of
// the wrong JSON type is named by its place (sites[2].name) and what it
// should be.
func ParseData(raw []byte) (*Data, error) {
	// Decoded loosely first, so that a type error can name its place.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var generic any
	if err := dec.Decode(&generic); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the top-level object")
	}
	if err := checkShape(generic, reflect.TypeFor[Data](), ""); err != nil {
		return nil, err
	}
	strict := json.NewDecoder(bytes.NewReader(raw))
	strict.DisallowUnknownFields()
	var d Data
	if err := strict.Decode(&d); err != nil {
		// checkShape and encoding/json disagree only on rare shapes (a
		// key given twice); its own words are better than none.
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// lineCol locates a JSON syntax error; the decoder's offset is just past
// the offending byte.
func lineCol(raw []byte, offset int64) (line, col int) {
	offset = max(offset-1, 0)
	if offset > int64(len(raw)) {
		offset = int64(len(raw))
	}
	before := raw[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// siteRoles are the roles of Tableau's current schema (3.29); the roles of
// older releases (Publisher, Interactor...) would make responses invalid.
var siteRoles = []string{
	"Creator", "Explorer", "ExplorerCanPublish", "Guest", "ServerAdministrator",
	"SiteAdministratorCreator", "SiteAdministratorExplorer", "SupportUser", "Unlicensed", "Viewer",
}

var contentPermissionValues = []string{"ManagedByOwner", "LockedToProject", "LockedToProjectWithoutNested"}

// Validate checks ids, references and enumerations, so that a bad fixture
// fails at start-up with the field named rather than as odd responses.
func (d *Data) Validate() error {
	v := validator{ids: map[string]string{}}
	sites := map[string]bool{}
	contentURLs := map[string]bool{}
	if len(d.Sites) == 0 {
		return errors.New("sites: at least one site is needed")
	}
	for i, s := range d.Sites {
		f := fmt.Sprintf("sites[%d]", i)
		v.id(f, s.ID)
		v.nonEmpty(f+".name", s.Name)
		key := strings.ToLower(s.ContentURL)
		if contentURLs[key] {
			v.fail("%s.contentUrl: %q is used by another site", f, s.ContentURL)
		}
		contentURLs[key] = true
		sites[s.ID] = true
	}
	users := map[string]bool{}
	names := map[string]bool{}
	for i, u := range d.Users {
		f := fmt.Sprintf("users[%d]", i)
		v.id(f, u.ID)
		v.nonEmpty(f+".name", u.Name)
		if names[strings.ToLower(u.Name)] {
			v.fail("%s.name: %q is used by another user", f, u.Name)
		}
		names[strings.ToLower(u.Name)] = true
		if !slices.Contains(siteRoles, u.SiteRole) {
			v.fail("%s.siteRole: %q is not a Tableau site role (one of %s)", f, u.SiteRole, strings.Join(siteRoles, ", "))
		}
		if u.AuthSetting != "" && u.AuthSetting != "ServerDefault" && u.AuthSetting != "SAML" {
			v.fail("%s.authSetting: %q is neither ServerDefault nor SAML", f, u.AuthSetting)
		}
		v.refs(f+".siteIds", u.SiteIDs, sites)
		users[u.ID] = true
	}
	pats := map[string]bool{}
	for i, p := range d.PATs {
		f := fmt.Sprintf("personalAccessTokens[%d]", i)
		v.nonEmpty(f+".name", p.Name)
		v.nonEmpty(f+".secret", p.Secret)
		if pats[p.Name] {
			v.fail("%s.name: %q is used by another token", f, p.Name)
		}
		pats[p.Name] = true
		v.ref(f+".userId", p.UserID, users)
	}
	secretIDs := map[string]bool{}
	for i, a := range d.ConnectedApps {
		f := fmt.Sprintf("connectedApps[%d]", i)
		v.id(f+".clientId", a.ClientID)
		v.refs(f+".siteIds", a.SiteIDs, sites)
		if len(a.Secrets) == 0 || len(a.Secrets) > 2 {
			v.fail("%s.secrets: a connected app has one or two secrets, not %d", f, len(a.Secrets))
		}
		for j, s := range a.Secrets {
			g := fmt.Sprintf("%s.secrets[%d]", f, j)
			v.id(g, s.ID)
			v.nonEmpty(g+".value", s.Value)
			secretIDs[s.ID] = true
		}
	}
	projects := map[string]string{}
	for _, p := range d.Projects {
		projects[p.ID] = p.SiteID
	}
	for i, a := range d.ConnectedApps {
		if _, ok := projects[a.ProjectID]; a.ProjectID != "" && !ok {
			v.fail("connectedApps[%d].projectId: %q matches no entry", i, a.ProjectID)
		}
	}
	for i, p := range d.Projects {
		f := fmt.Sprintf("projects[%d]", i)
		v.id(f, p.ID)
		v.ref(f+".siteId", p.SiteID, sites)
		v.nonEmpty(f+".name", p.Name)
		v.ref(f+".ownerId", p.OwnerID, users)
		v.refs(f+".leaderIds", p.LeaderIDs, users)
		if p.ParentProjectID != "" {
			v.sameSite(f+".parentProjectId", p.ParentProjectID, p.SiteID, projects)
		}
		if p.ContentPermissions != "" && !slices.Contains(contentPermissionValues, p.ContentPermissions) {
			v.fail("%s.contentPermissions: %q is not one of %s", f, p.ContentPermissions, strings.Join(contentPermissionValues, ", "))
		}
	}
	for i, g := range d.Groups {
		f := fmt.Sprintf("groups[%d]", i)
		v.id(f, g.ID)
		v.ref(f+".siteId", g.SiteID, sites)
		v.nonEmpty(f+".name", g.Name)
		v.refs(f+".userIds", g.UserIDs, users)
	}
	workbooks := map[string]string{}
	for _, w := range d.Workbooks {
		workbooks[w.ID] = w.SiteID
	}
	for i, w := range d.Workbooks {
		f := fmt.Sprintf("workbooks[%d]", i)
		v.id(f, w.ID)
		v.ref(f+".siteId", w.SiteID, sites)
		v.nonEmpty(f+".name", w.Name)
		v.sameSite(f+".projectId", w.ProjectID, w.SiteID, projects)
		v.ref(f+".ownerId", w.OwnerID, users)
		v.nonNegative(f+".size", w.Size)
	}
	for i, s := range d.Datasources {
		f := fmt.Sprintf("datasources[%d]", i)
		v.id(f, s.ID)
		v.ref(f+".siteId", s.SiteID, sites)
		v.nonEmpty(f+".name", s.Name)
		v.sameSite(f+".projectId", s.ProjectID, s.SiteID, projects)
		v.ref(f+".ownerId", s.OwnerID, users)
		v.nonNegative(f+".size", s.Size)
	}
	for i, w := range d.Views {
		f := fmt.Sprintf("views[%d]", i)
		v.id(f, w.ID)
		v.ref(f+".siteId", w.SiteID, sites)
		v.nonEmpty(f+".name", w.Name)
		v.sameSite(f+".workbookId", w.WorkbookID, w.SiteID, workbooks)
		if w.OwnerID != "" {
			v.ref(f+".ownerId", w.OwnerID, users)
		}
		if w.ProjectID != "" {
			v.sameSite(f+".projectId", w.ProjectID, w.SiteID, projects)
		}
		v.nonNegative(f+".totalViewCount", w.TotalViewCount)
	}
	for i, fl := range d.Flows {
		f := fmt.Sprintf("flows[%d]", i)
		v.id(f, fl.ID)
		v.ref(f+".siteId", fl.SiteID, sites)
		v.nonEmpty(f+".name", fl.Name)
		v.sameSite(f+".projectId", fl.ProjectID, fl.SiteID, projects)
		v.ref(f+".ownerId", fl.OwnerID, users)
		if fl.FileType != "" && fl.FileType != "tfl" && fl.FileType != "tflx" {
			v.fail("%s.fileType: %q is neither tfl nor tflx", f, fl.FileType)
		}
	}
	for i, sc := range d.Schedules {
		f := fmt.Sprintf("schedules[%d]", i)
		v.id(f, sc.ID)
		v.nonEmpty(f+".name", sc.Name)
		v.oneOf(f+".type", sc.Type, scheduleTypes)
		v.oneOf(f+".frequency", sc.Frequency, scheduleFrequencies)
		if sc.State != "" {
			v.oneOf(f+".state", sc.State, []string{"Active", "Suspended"})
		}
		if sc.ExecutionOrder != "" {
			v.oneOf(f+".executionOrder", sc.ExecutionOrder, []string{"Parallel", "Serial"})
		}
		if sc.Priority < 0 || sc.Priority > 100 {
			v.fail("%s.priority: %d is not between 1 and 100", f, sc.Priority)
		}
	}
	return v.err
}

// validator keeps the first problem only: one clear message is more use
// than a page of knock-on errors.
type validator struct {
	err error
	ids map[string]string // id -> field that declared it
}

func (v *validator) fail(format string, args ...any) {
	if v.err == nil {
		v.err = fmt.Errorf(format, args...)
	}
}

func (v *validator) id(field, id string) {
	if !uuidRE.MatchString(id) {
		v.fail("%s.id: %q is not a UUID (Tableau ids look like dad65087-b08b-4603-af4e-2887b8aafc67)", field, id)
		return
	}
	if prev, ok := v.ids[strings.ToLower(id)]; ok {
		v.fail("%s.id: %s is already the id of %s", field, id, prev)
		return
	}
	v.ids[strings.ToLower(id)] = field
}

func (v *validator) nonEmpty(field, s string) {
	if strings.TrimSpace(s) == "" {
		v.fail("%s: must not be empty", field)
	}
}

func (v *validator) oneOf(field, value string, allowed []string) {
	if !slices.Contains(allowed, value) {
		v.fail("%s: %q is not one of %s", field, value, strings.Join(allowed, ", "))
	}
}

var (
	scheduleTypes       = []string{"Extract", "Subscription", "Flow", "System"}
	scheduleFrequencies = []string{"Hourly", "Daily", "Weekly", "Monthly"}
)

func (v *validator) nonNegative(field string, n int) {
	if n < 0 {
		v.fail("%s: must not be negative", field)
	}
}

func (v *validator) ref(field, id string, known map[string]bool) {
	if !known[id] {
		v.fail("%s: %q matches no entry", field, id)
	}
}

func (v *validator) refs(field string, ids []string, known map[string]bool) {
	for i, id := range ids {
		v.ref(fmt.Sprintf("%s[%d]", field, i), id, known)
	}
}

func (v *validator) sameSite(field, id, siteID string, siteOf map[string]string) {
	s, ok := siteOf[id]
	switch {
	case !ok:
		v.fail("%s: %q matches no entry", field, id)
	case s != siteID:
		v.fail("%s: %q belongs to another site", field, id)
	}
}

// Clone returns a deep copy, so that servers never share mutable state with
// their caller or with each other.
func (d *Data) Clone() *Data {
	c := &Data{
		Sites:         slices.Clone(d.Sites),
		Users:         slices.Clone(d.Users),
		PATs:          slices.Clone(d.PATs),
		ConnectedApps: slices.Clone(d.ConnectedApps),
		Projects:      slices.Clone(d.Projects),
		Groups:        slices.Clone(d.Groups),
		Workbooks:     slices.Clone(d.Workbooks),
		Datasources:   slices.Clone(d.Datasources),
		Views:         slices.Clone(d.Views),
		Flows:         slices.Clone(d.Flows),
		Schedules:     slices.Clone(d.Schedules),
	}
	for i := range c.Users {
		c.Users[i].SiteIDs = slices.Clone(c.Users[i].SiteIDs)
	}
	for i := range c.ConnectedApps {
		c.ConnectedApps[i].SiteIDs = slices.Clone(c.ConnectedApps[i].SiteIDs)
		c.ConnectedApps[i].Secrets = slices.Clone(c.ConnectedApps[i].Secrets)
	}
	for i := range c.Projects {
		c.Projects[i].LeaderIDs = slices.Clone(c.Projects[i].LeaderIDs)
	}
	for i := range c.Groups {
		c.Groups[i].UserIDs = slices.Clone(c.Groups[i].UserIDs)
	}
	for i := range c.Workbooks {
		c.Workbooks[i].Tags = slices.Clone(c.Workbooks[i].Tags)
	}
	for i := range c.Datasources {
		c.Datasources[i].Tags = slices.Clone(c.Datasources[i].Tags)
	}
	for i := range c.Views {
		c.Views[i].Tags = slices.Clone(c.Views[i].Tags)
	}
	for i := range c.Flows {
		c.Flows[i].Tags = slices.Clone(c.Flows[i].Tags)
	}
	return c
}
