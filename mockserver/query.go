package mockserver

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// listQuery is what the mock understands of a list request's query:
// paging, filters, sorts and fields. The filters applied are eq, in, cieq
// and has on name, siteRole, contentUrl, id (luid), tags, ownerName,
// ownerEmail, a user's email, projectName, workbookName, viewUrlName, sheetType,
// parentProjectId, topLevelProject and domainName,
// eq, gt, gte, lt and lte on the dates createdAt, updatedAt and
// lastLogin (ISO 8601, as Tableau's "Filtering and Sorting" page writes
// them: 2016-05-04T21:24:49Z) and on the number size. Other filters on fields Tableau documents
// are accepted but not applied, so that collections written for a real
// server still run; a filter on a field Tableau does not know, with an
// operator the field does not take, without a value, or with a date that
// is not one, is refused as Tableau refuses it.
// Sorts are field:asc or field:desc on any documented field, applied in
// the order given; an unknown field or another direction is refused.
type listQuery struct {
	pageSize   int
	pageNumber int
	// filters keep the items that match all of them.
	filters []fieldFilter
	sorts   []sortKey
	// fields, when not nil, are the attributes (name) and child elements
	// or their attributes (tags, project.name) each item keeps.
	fields []string
	// all is fields=_all_, and extra the fields named beside _default_
	// (fields=_default_,owner.name): both keep the default shape and add
	// the details Tableau gives an item's owner, workbook and project
	// only when asked (see addRefDetails).
	all   bool
	extra []string
}

// fieldFilter is one applied filter expression: a text match (eq, in)
// against values, or a comparison (eq, gt, gte, lt, lte) of a date
// against at or of a number against n.
type fieldFilter struct {
	field  string
	op     string
	values []string
	at     time.Time
	date   bool
	n      int64
	num    bool
}

// filterSpec is what one kind of list takes in filter and sort: the
// fields Tableau documents for it (known), and those the mock applies as
// text, as dates or as numbers.
type filterSpec struct {
	known, text, date, num map[string]bool
}

// contentFilters is the spec of the content lists (users, groups,
// projects, workbooks, data sources, views, sites).
var contentFilters = filterSpec{filterFields, textFields, dateFields, numFields}

// sortKey is one sort expression.
type sortKey struct {
	field string
	desc  bool
}

// textFields and dateFields are the filter fields the mock applies and
// how; luid is Tableau's other name for id.
var (
	textFields = map[string]bool{"name": true, "siteRole": true, "contentUrl": true, "id": true, "luid": true,
		"tags": true, "ownerName": true, "viewUrlName": true, "ownerEmail": true, "projectName": true,
		"workbookName": true, "sheetType": true, "parentProjectId": true, "topLevelProject": true, "domainName": true,
		"email": true}
	dateFields = map[string]bool{"createdAt": true, "updatedAt": true, "lastLogin": true}
	// numFields are the numeric fields the mock's items carry; the other
	// numeric filter fields (favoritesTotal, userCount, ...) are accepted
	// but not applied.
	numFields = map[string]bool{"size": true}
)

// filterFields are the filter fields Tableau's "Filtering and Sorting"
// page documents for the lists the mock serves (users, groups, projects,
// workbooks, data sources, views), pooled for the lists the page does not
// tabulate (see listFilterFields): there a field valid on some list is let
// through, since refusing a filter a real server takes would break a
// collection, while a field no list knows is a typo that a real server
// refuses. Sorts take the same fields.
var filterFields = map[string]bool{}

func init() {
	for _, f := range strings.Fields(`
		authenticationType caption connectedWorkbookType connectionTo connectionType
		contentUrl createdAt databaseName databaseUserName description displayTabs
		domainName domainNickname email favoritesTotal fields hasAlert hasAlerts
		friendlyName hasEmbeddedPassword hasExtracts hitsTotal id idpConfigurationId isCertified
		isConnectable isDefaultPort isHierarchical isLocal isPublished lastLogin luid
		minimumSiteRole name ownerDomain ownerEmail ownerName parentProjectId
		projectName serverName serverPort sheetCount sheetNumber sheetType siteRole
		size subscriptionsTotal tableName tags title topLevelProject type updatedAt
		userCount viewUrlName workbookDescription workbookName`) {
		filterFields[f] = true
	}
}

func parseListQuery(q url.Values) (listQuery, *apiError) {
	return parseListQueryFor(q, contentFilters)
}

// listFilterFields are the filter and sort fields of each list Tableau's
// "Filtering and Sorting" page tabulates, as tableau/tableau-mcp copies
// them per list and notes, for flows checked against Tableau 3.30, that a
// field outside a list's table is refused with a 400: siteRole on
// workbooks is as much a typo there as nmae. The lists it does not
// tabulate (sites, a user's groups and content, a group's users) take
// the pooled filterFields.
var listFilterFields = map[string]map[string]bool{
	"workbooks": fieldSet(`createdAt contentUrl displayTabs favoritesTotal hasAlerts hasExtracts name ownerDomain
		ownerEmail ownerName projectName sheetCount size subscriptionsTotal tags updatedAt`),
	"views": fieldSet(`caption contentUrl createdAt favoritesTotal fields hitsTotal name ownerDomain ownerEmail
		ownerName projectName sheetNumber sheetType tags title updatedAt viewUrlName workbookDescription workbookName`),
	"datasources": fieldSet(`authenticationType connectedWorkbookType connectionTo connectionType contentUrl createdAt
		databaseName databaseUserName description favoritesTotal hasAlert hasEmbeddedPassword hasExtracts isCertified
		isConnectable isDefaultPort isHierarchical isPublished name ownerDomain ownerEmail ownerName projectName
		serverName serverPort size tableName tags type updatedAt`),
	"projects": fieldSet(`createdAt name ownerDomain ownerEmail ownerName parentProjectId topLevelProject updatedAt`),
	"users":    fieldSet(`domainName email friendlyName isLocal lastLogin luid name siteRole`),
	"groups":   fieldSet(`domainName domainNickname isLocal luid minimumSiteRole name userCount`),
	"flows":    fieldSet(`createdAt name ownerDomain ownerEmail ownerName projectId projectName tags updatedAt`),
}

func fieldSet(names string) map[string]bool {
	set := map[string]bool{}
	for _, f := range strings.Fields(names) {
		set[f] = true
	}
	return set
}

// parseListQueryOf reads the query of one of the lists listFilterFields
// names, against that list's fields.
func parseListQueryOf(plural string, q url.Values) (listQuery, *apiError) {
	spec := contentFilters
	if known, ok := listFilterFields[plural]; ok {
		spec.known = known
	}
	return parseListQueryFor(q, spec)
}

// Filter operators, by the kind of field they apply to, as the tables of
// Tableau's "Filtering and Sorting" page give them (and as tableau/tableau-mcp
// copies them per list, noting that Tableau 3.30 answers 400 to an
// operator outside a field's list): text fields take eq and in, dates and
// counts eq, gt, gte, lt and lte, true/false fields eq alone, and group
// names and domains and job titles, subtitles, notes and arguments also
// has (contains). cieq, case-insensitive eq, is in Tableau Server Client's
// RequestOptions.Operator but in no table of Tableau's page, so the mock
// lets every text field take it rather than refuse what a server may take.
var (
	textOps    = []string{"eq", "in", "cieq"}
	hasOps     = []string{"eq", "in", "cieq", "has"}
	compareOps = []string{"eq", "gt", "gte", "lt", "lte"}
	boolOps    = []string{"eq"}
	// compareFields and boolFields are the documented fields of those
	// kinds (the lists' own and Query Jobs'); hasFields take has.
	compareFields = map[string]bool{"createdAt": true, "updatedAt": true, "lastLogin": true, "size": true,
		"connectedWorkbookType": true, "favoritesTotal": true, "hitsTotal": true, "sheetCount": true, "sheetNumber": true, "subscriptionsTotal": true,
		"userCount": true, "startedAt": true, "completedAt": true, "endedAt": true, "priority": true, "progress": true}
	boolFields = map[string]bool{"displayTabs": true, "hasAlert": true, "hasAlerts": true, "hasEmbeddedPassword": true,
		"hasExtracts": true, "isCertified": true, "isConnectable": true, "isDefaultPort": true, "isHierarchical": true,
		"isLocal": true, "isPublished": true, "topLevelProject": true, "serverPort": true, "type": true}
	hasFields = map[string]bool{"name": true, "domainName": true, "title": true, "subtitle": true, "notes": true, "args": true}
)

// filterOps returns the operators a filter field takes.
func filterOps(field string) []string {
	switch {
	case compareFields[field]:
		return compareOps
	case boolFields[field]:
		return boolOps
	case hasFields[field]:
		return hasOps
	}
	return textOps
}

// parseListQueryFor reads a list query against the filter fields of one
// kind of list.
func parseListQueryFor(q url.Values, spec filterSpec) (listQuery, *apiError) {
	lq := listQuery{pageSize: 100, pageNumber: 1}
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return lq, errPageSize(v)
		}
		if n > 1000 {
			return lq, errPageSizeLimit(v)
		}
		lq.pageSize = n
	}
	if v := q.Get("pageNumber"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return lq, errPageNumber(v)
		}
		lq.pageNumber = n
	}
	for _, expr := range splitExpressions(q.Get("filter")) {
		f, err := parseFilter(expr, spec)
		if err != nil {
			return lq, err
		}
		if f != nil {
			lq.filters = append(lq.filters, *f)
		}
	}
	for _, expr := range splitExpressions(q.Get("sort")) {
		field, dir, _ := strings.Cut(expr, ":")
		if !spec.known[field] {
			return lq, errSortKey()
		}
		if dir != "asc" && dir != "desc" {
			return lq, errSortDirection(field, dir)
		}
		if field == "luid" {
			field = "id"
		}
		lq.sorts = append(lq.sorts, sortKey{field, dir == "desc"})
	}
	if v := q.Get("fields"); v != "" {
		// Users' own _all_ extras are listUsers'.
		switch list := strings.Split(v, ","); {
		case slices.Contains(list, "_all_"):
			lq.all = true
		case slices.Contains(list, "_default_"):
			lq.extra = list
		default:
			lq.fields = list
		}
	}
	return lq, nil
}

// parseFilter reads one field:operator:value expression; nil means a
// documented filter the mock does not apply.
func parseFilter(expr string, spec filterSpec) (*fieldFilter, *apiError) {
	field, rest, _ := strings.Cut(expr, ":")
	if !spec.known[field] {
		return nil, errFilterKey()
	}
	// The value keeps any further colons: dates have them.
	op, value, ok := strings.Cut(rest, ":")
	if !ok || value == "" {
		return nil, errFilterValue(field)
	}
	if !slices.Contains(filterOps(field), op) {
		return nil, errFilterOperator(field, op)
	}
	if field == "luid" {
		field = "id"
	}
	switch {
	case spec.text[field] && op != "in":
		return &fieldFilter{field: field, op: op, values: []string{value}}, nil
	case spec.text[field] && op == "in":
		return &fieldFilter{field: field, op: op, values: strings.Split(strings.TrimSuffix(strings.TrimPrefix(value, "["), "]"), ",")}, nil
	case spec.date[field] && slices.Contains(comparisons, op):
		at, err := time.Parse(time.RFC3339, value)
		if err != nil {
			return nil, errFilterDate(field, value)
		}
		return &fieldFilter{field: field, op: op, at: at, date: true}, nil
	case spec.num[field] && slices.Contains(comparisons, op):
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return nil, errFilterNumber(field, value)
		}
		return &fieldFilter{field: field, op: op, n: n, num: true}, nil
	}
	return nil, nil
}

// comparisons are the operators Tableau documents for dates and numbers.
var comparisons = []string{"eq", "gt", "gte", "lt", "lte"}

// keeps reports whether an item's values of the field pass the filter:
// for a text match any value may match (an item has many tags), a date or
// number must be present to compare.
func (f fieldFilter) keeps(values []string) bool {
	if !f.date && !f.num {
		return slices.ContainsFunc(values, func(v string) bool {
			return slices.ContainsFunc(f.values, func(want string) bool {
				switch f.op {
				case "cieq":
					return strings.EqualFold(v, want)
				case "has":
					return strings.Contains(v, want)
				}
				return v == want
			})
		})
	}
	if len(values) == 0 {
		return false
	}
	var c int
	if f.num {
		n, err := strconv.ParseInt(values[0], 10, 64)
		if err != nil {
			return false
		}
		c = cmp.Compare(n, f.n)
	} else {
		t, err := time.Parse(time.RFC3339, values[0])
		if err != nil {
			return false
		}
		c = t.Compare(f.at)
	}
	switch f.op {
	case "gt":
		return c > 0
	case "gte":
		return c >= 0
	case "lt":
		return c < 0
	case "lte":
		return c <= 0
	}
	return c == 0
}

// render renders an item of the page, cut down to the fields asked for,
// in the order Tableau writes them rather than the order asked. Must be
// called with the store locked.
func (lq listQuery) render(st *store, e entry) *node {
	n := e.render()
	switch {
	case lq.all:
		addRefDetails(st, n, nil)
		addAllFields(st, n)
		return n
	case lq.extra != nil:
		addRefDetails(st, n, lq.extra)
		return n
	case lq.fields == nil:
		return n
	}
	addRefDetails(st, n, lq.fields)
	n.attrs = slices.DeleteFunc(n.attrs, func(a attr) bool { return !slices.Contains(lq.fields, a.name) })
	n.kids = slices.DeleteFunc(n.kids, func(k *node) bool {
		if slices.Contains(lq.fields, k.name) {
			return false
		}
		k.attrs = slices.DeleteFunc(k.attrs, func(a attr) bool { return !slices.Contains(lq.fields, k.name+"."+a.name) })
		return len(k.attrs) == 0
	})
	return n
}

// addRefDetails adds to an item's owner, workbook and project elements
// the attributes of the user, workbook or project they name that the
// fields ask for (owner.name, workbook.name), or all of them when want is
// nil (_all_), as Tableau does: its lists give only their ids by default,
// and a client asking for owner.name would otherwise get nothing and no
// error. Must be called with the store locked.
func addRefDetails(st *store, n *node, want []string) {
	for _, k := range n.kids {
		id := attrOf(k, "id")
		var details []attr
		switch k.name {
		case "owner":
			if u := st.user(id); u != nil {
				details = []attr{{"email", u.Email}, {"fullName", u.FullName}, {"lastLogin", formatTime(u.LastLogin)}, {"name", u.Name}, {"siteRole", u.SiteRole}}
			}
		case "workbook":
			if i := slices.IndexFunc(st.data.Workbooks, func(w Workbook) bool { return w.ID == id }); i >= 0 {
				details = []attr{{"name", st.data.Workbooks[i].Name}}
			}
		case "project":
			if i := slices.IndexFunc(st.data.Projects, func(p Project) bool { return p.ID == id }); i >= 0 {
				p := st.data.Projects[i]
				details = []attr{{"name", p.Name}, {"description", p.Description}}
			}
		}
		for _, a := range details {
			asked := want == nil || slices.Contains(want, k.name+"."+a.name)
			// A user who never signed in has no lastLogin, as in Tableau.
			has := slices.ContainsFunc(k.attrs, func(b attr) bool { return b.name == a.name })
			if asked && !has && !(a.name == "lastLogin" && a.value == "") {
				k.set(a.name, a.value)
			}
		}
	}
}

// addAllFields adds what fields=_all_ gives beyond an item's default
// shape, as Tableau Server Client's _all_ fixtures (Tableau 3.25) show:
// a group's userCount; a project's topLevelProject and contentsCounts;
// a workbook's sheetCount, defaultViewId and location. Must be called with
// the store locked.
func addAllFields(st *store, n *node) {
	id := attrOf(n, "id")
	d := st.data
	switch n.name {
	case "group":
		if i := slices.IndexFunc(d.Groups, func(g Group) bool { return g.ID == id }); i >= 0 {
			n.set("userCount", strconv.Itoa(len(d.Groups[i].UserIDs)))
		}
	case "project":
		n.set("topLevelProject", strconv.FormatBool(attrOf(n, "parentProjectId") == ""))
		var projects, workbooks, views, datasources int
		for _, p := range d.Projects {
			if p.ParentProjectID == id {
				projects++
			}
		}
		for _, w := range d.Workbooks {
			if w.ProjectID == id {
				workbooks++
				for _, v := range d.Views {
					if v.WorkbookID == w.ID {
						views++
					}
				}
			}
		}
		for _, s := range d.Datasources {
			if s.ProjectID == id {
				datasources++
			}
		}
		n.add(el("contentsCounts").set("projectCount", strconv.Itoa(projects)).set("workbookCount", strconv.Itoa(workbooks)).
			set("viewCount", strconv.Itoa(views)).set("datasourceCount", strconv.Itoa(datasources)))
	case "workbook":
		var sheets int
		for _, v := range d.Views {
			if v.WorkbookID == id {
				if sheets == 0 && attrOf(n, "defaultViewId") == "" {
					n.set("defaultViewId", v.ID)
				}
				sheets++
			}
		}
		n.set("sheetCount", strconv.Itoa(sheets))
		// The location follows the project, as workbookType orders them.
		if i := slices.IndexFunc(n.kids, func(k *node) bool { return k.name == "project" }); i >= 0 {
			p := n.kids[i]
			loc := el("location").set("id", attrOf(p, "id")).set("type", "Project").set("name", attrOf(p, "name"))
			n.kids = slices.Insert(n.kids, i+1, loc)
		}
	}
}

// splitExpressions splits on commas outside brackets, since a value list
// like tags:in:[a,b] holds commas of its own.
func splitExpressions(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// entry is one item of a list, rendered only if it lands on the page or
// a filter or sort needs its fields.
type entry struct {
	name   string
	render func() *node
}

// row is an entry being filtered and sorted, rendered at most once.
type row struct {
	entry
	n *node
}

func (r *row) node() *node {
	if r.n == nil {
		r.n = r.render()
	}
	return r.n
}

// values returns an item's values of a field: an attribute, the labels of
// its tags, its owner's name, or for a view the last part of its content
// URL (Workbook/sheets/Sheet1), which is the name in the view's web URL.
// Must be called with the store locked.
func (r *row) values(st *store, field string) []string {
	n := r.node()
	switch field {
	case "name":
		return []string{r.name}
	case "tags":
		var labels []string
		for _, k := range n.kids {
			if k.name == "tags" {
				for _, t := range k.kids {
					labels = append(labels, attrOf(t, "label"))
				}
			}
		}
		return labels
	case "ownerName":
		for _, k := range n.kids {
			if k.name == "owner" {
				if u := st.user(attrOf(k, "id")); u != nil {
					return []string{u.Name}
				}
			}
		}
		return nil
	case "ownerEmail":
		if u := st.user(attrOf(kid(n, "owner"), "id")); u != nil {
			return []string{u.Email}
		}
		return nil
	case "projectName":
		id := attrOf(kid(n, "project"), "id")
		if i := slices.IndexFunc(st.data.Projects, func(p Project) bool { return p.ID == id }); i >= 0 {
			return []string{st.data.Projects[i].Name}
		}
		return nil
	case "workbookName":
		id := attrOf(kid(n, "workbook"), "id")
		if i := slices.IndexFunc(st.data.Workbooks, func(w Workbook) bool { return w.ID == id }); i >= 0 {
			return []string{st.data.Workbooks[i].Name}
		}
		return nil
	case "topLevelProject":
		if n.name != "project" {
			return nil
		}
		return []string{strconv.FormatBool(attrOf(n, "parentProjectId") == "")}
	case "domainName":
		if d := kid(n, "domain"); d != nil {
			return []string{attrOf(d, "name")}
		}
		if n.name == "user" {
			// The mock's users are all local, in Tableau's domain "local".
			return []string{"local"}
		}
		return nil
	case "viewUrlName":
		if n.name != "view" {
			return nil
		}
		cu := attrOf(n, "contentUrl")
		return []string{cu[strings.LastIndex(cu, "/")+1:]}
	case "completedAt":
		// Jobs are filtered by completedAt but list it as endedAt.
		if n.name == "backgroundJob" {
			field = "endedAt"
		}
	}
	for _, a := range n.attrs {
		if a.name == field {
			return []string{a.value}
		}
	}
	return nil
}

// compareValues orders two items' values of a sort field: numbers as
// numbers (size, userCount), text ignoring case first, as Tableau sorts
// names; dates compare as text, being all in one UTC layout. An item
// without the field sorts first.
func compareValues(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return len(a) - len(b)
	}
	x, y := a[0], b[0]
	if i, err1 := strconv.ParseInt(x, 10, 64); err1 == nil {
		if j, err2 := strconv.ParseInt(y, 10, 64); err2 == nil {
			return cmp.Compare(i, j)
		}
	}
	if c := strings.Compare(strings.ToLower(x), strings.ToLower(y)); c != 0 {
		return c
	}
	return strings.Compare(x, y)
}

// apply filters, sorts and pages; total counts the filtered items, as
// totalAvailable does. A page past the last is Tableau's 400006 (see
// errPageNumber); page 1 of an empty list is an empty page. Must be
// called with the store locked.
func (lq listQuery) apply(st *store, items []entry) (page []entry, total int, err *apiError) {
	rows := make([]*row, len(items))
	for i, e := range items {
		rows[i] = &row{entry: e}
	}
	for _, f := range lq.filters {
		rows = slices.DeleteFunc(rows, func(r *row) bool { return !f.keeps(r.values(st, f.field)) })
	}
	if len(lq.sorts) > 0 {
		slices.SortStableFunc(rows, func(a, b *row) int {
			for _, k := range lq.sorts {
				c := compareValues(a.values(st, k.field), b.values(st, k.field))
				if k.desc {
					c = -c
				}
				if c != 0 {
					return c
				}
			}
			return 0
		})
	}
	total = len(rows)
	pages := max(1, (total+lq.pageSize-1)/lq.pageSize)
	// Compared in pages, not items, so that a huge pageNumber cannot
	// overflow the offset.
	if lq.pageNumber > pages {
		return nil, total, errPageNumber(strconv.Itoa(lq.pageNumber))
	}
	from := (lq.pageNumber - 1) * lq.pageSize
	to := min(from+lq.pageSize, total)
	for _, r := range rows[from:to] {
		e := r.entry
		if r.n != nil {
			// Already rendered for a filter or sort: reuse it.
			n := r.n
			e.render = func() *node { return n }
		}
		page = append(page, e)
	}
	return page, total, nil
}

// answerList pages the items and answers them as Tableau's lists are:
// the pagination element, then the list named plural. Must be called with
// the store locked.
func (lq listQuery) answerList(st *store, plural string, items []entry) (result, *apiError) {
	page, total, err := lq.apply(st, items)
	if err != nil {
		return result{}, err
	}
	list := listEl(plural)
	for _, e := range page {
		list.add(lq.render(st, e))
	}
	return answer(http.StatusOK, lq.paginationNode(total), list)
}

func (lq listQuery) paginationNode(total int) *node {
	return el("pagination").
		set("pageNumber", strconv.Itoa(lq.pageNumber)).
		set("pageSize", strconv.Itoa(lq.pageSize)).
		set("totalAvailable", strconv.Itoa(total))
}

// kid returns an item's first child element of the name, nil if absent.
func kid(n *node, name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// attrOf returns the value of one of an item's attributes, "" if absent
// (or if n is nil).
func attrOf(n *node, name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}
