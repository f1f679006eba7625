package mockserver

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// listQuery is what the mock understands of a list request's query:
// paging, eq and in filters on name, siteRole, contentUrl and id (luid),
// sort=name:asc|desc and fields. Other filters on fields Tableau documents
// and other sort expressions are ignored rather than refused, so that
// collections written for a real server still run; a filter on a field
// Tableau does not know, or without a value, is refused as Tableau
// refuses it.
type listQuery struct {
	pageSize   int
	pageNumber int
	// filters keep the items whose attribute matches one of the values.
	filters    []attrFilter
	sortByName bool
	sortDesc   bool
	// fields, when not nil, are the attributes (name) and child elements
	// or their attributes (tags, project.name) each item keeps.
	fields []string
}

// attrFilter is an eq or in filter on an attribute every item of a list
// carries.
type attrFilter struct {
	attr   string
	values []string
}

// filteredAttrs maps the filter fields the mock applies to the attribute
// they test; luid is Tableau's other name for id. Other documented fields
// are accepted but not applied.
var filteredAttrs = map[string]string{"name": "name", "siteRole": "siteRole", "contentUrl": "contentUrl", "id": "id", "luid": "id"}

// filterFields are the filter fields Tableau's "Filtering and Sorting"
// page documents for the lists the mock serves (users, groups, projects,
// workbooks, data sources, views), pooled: a field valid on one list but
// not another is let through, since refusing a filter a real server takes
// would break a collection, while a field no list knows is a typo that a
// real server refuses.
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
	lq := listQuery{pageSize: 100, pageNumber: 1}
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			return lq, errPageSize(v)
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
		field, rest, _ := strings.Cut(expr, ":")
		if !filterFields[field] {
			return lq, errFilterKey()
		}
		op, value, ok := strings.Cut(rest, ":")
		if !ok || value == "" {
			return lq, errFilterValue(field)
		}
		attr, ok := filteredAttrs[field]
		switch {
		case !ok:
		case op == "eq":
			lq.filters = append(lq.filters, attrFilter{attr, []string{value}})
		case op == "in":
			lq.filters = append(lq.filters, attrFilter{attr, strings.Split(strings.TrimSuffix(strings.TrimPrefix(value, "["), "]"), ",")})
		}
	}
	for _, expr := range splitExpressions(q.Get("sort")) {
		field, dir, _ := strings.Cut(expr, ":")
		if field == "name" && (dir == "asc" || dir == "desc") {
			lq.sortByName, lq.sortDesc = true, dir == "desc"
		}
	}
	if v := q.Get("fields"); v != "" {
		lq.fields = strings.Split(v, ",")
		// The wildcards keep the default shape: the mock has no more to
		// give for _all_ than users' extras, which listUsers adds.
		if slices.Contains(lq.fields, "_default_") || slices.Contains(lq.fields, "_all_") {
			lq.fields = nil
		}
	}
	return lq, nil
}

// render renders an item of the page, cut down to the fields asked for,
// in the order Tableau writes them rather than the order asked.
func (lq listQuery) render(e entry) *node {
	n := e.render()
	if lq.fields == nil {
		return n
	}
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

// entry is one item of a list, rendered only if it lands on the page.
type entry struct {
	name   string
	render func() *node
}

// apply filters, sorts and pages; total counts the filtered items, as
// totalAvailable does. A page past the last is Tableau's 400006 (see
// errPageNumber); page 1 of an empty list is an empty page.
func (lq listQuery) apply(items []entry) (page []entry, total int, err *apiError) {
	for _, f := range lq.filters {
		items = slices.DeleteFunc(items, func(e entry) bool {
			v := e.name
			if f.attr != "name" {
				v = attrOf(e.render(), f.attr)
			}
			return !slices.Contains(f.values, v)
		})
	}
	if lq.sortByName {
		slices.SortStableFunc(items, func(a, b entry) int {
			c := strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name))
			if c == 0 {
				c = strings.Compare(a.name, b.name)
			}
			if lq.sortDesc {
				c = -c
			}
			return c
		})
	}
	total = len(items)
	pages := max(1, (total+lq.pageSize-1)/lq.pageSize)
	// Compared in pages, not items, so that a huge pageNumber cannot
	// overflow the offset.
	if lq.pageNumber > pages {
		return nil, total, errPageNumber(strconv.Itoa(lq.pageNumber))
	}
	from := (lq.pageNumber - 1) * lq.pageSize
	to := min(from+lq.pageSize, total)
	return items[from:to], total, nil
}

func (lq listQuery) paginationNode(total int) *node {
	return el("pagination").
		set("pageNumber", strconv.Itoa(lq.pageNumber)).
		set("pageSize", strconv.Itoa(lq.pageSize)).
		set("totalAvailable", strconv.Itoa(total))
}

// attrOf returns the value of one of an item's attributes, "" if absent.
func attrOf(n *node, name string) string {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}
