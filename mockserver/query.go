package mockserver

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// listQuery is what the mock understands of a list request's query:
// paging, filter=name:eq:X and sort=name:asc|desc. Other filter, sort and
// fields expressions are ignored rather than refused, so that collections
// written for a real server still run.
type listQuery struct {
	pageSize   int
	pageNumber int
	nameEq     *string
	sortByName bool
	sortDesc   bool
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
		op, value, ok := strings.Cut(rest, ":")
		if ok && field == "name" && op == "eq" {
			lq.nameEq = &value
		}
	}
	for _, expr := range splitExpressions(q.Get("sort")) {
		field, dir, _ := strings.Cut(expr, ":")
		if field == "name" && (dir == "asc" || dir == "desc") {
			lq.sortByName, lq.sortDesc = true, dir == "desc"
		}
	}
	return lq, nil
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
	if lq.nameEq != nil {
		items = slices.DeleteFunc(items, func(e entry) bool { return e.name != *lq.nameEq })
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
