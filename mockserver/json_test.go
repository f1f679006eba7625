package mockserver

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

// listContainers are the elements whose items JSON always renders as an
// array, even a single one.
var listContainers = []string{"sites", "projects", "workbooks", "users", "groups", "datasources", "views", "tags",
	"connections", "revisions", "tasks", "subscriptions", "webhooks", "flowRuns",
	"dataQualityWarningList"}

// xmlToTableauJSON is an independent statement of Tableau's JSON mapping,
// applied to an XML response: no tsResponse wrapper, attributes as string
// keys, repeated or listed children as arrays, an empty list as {}, text
// as "value" or, alone, as the string itself.
func xmlToTableauJSON(doc *etree.Document) any {
	var conv func(e *etree.Element) any
	conv = func(e *etree.Element) any {
		kids := e.ChildElements()
		text := strings.TrimSpace(e.Text())
		if len(e.Attr) == 0 && len(kids) == 0 && text != "" {
			return text
		}
		obj := map[string]any{}
		groups := map[string][]any{}
		var order []string
		for _, k := range kids {
			if _, ok := groups[k.Tag]; !ok {
				order = append(order, k.Tag)
			}
			groups[k.Tag] = append(groups[k.Tag], conv(k))
		}
		for _, name := range order {
			if len(groups[name]) > 1 || slices.Contains(listContainers, e.Tag) {
				obj[name] = groups[name]
			} else {
				obj[name] = groups[name][0]
			}
		}
		for _, a := range e.Attr {
			if a.Space == "xmlns" || a.Space == "xsi" || a.Key == "xmlns" {
				continue
			}
			obj[a.Key] = a.Value
		}
		if text != "" {
			obj["value"] = text
		}
		return obj
	}
	return conv(doc.Root())
}

// TestJSONMirrorsXML sends every kind of request twice, asking for XML
// and for JSON, and checks that the JSON is the XML under Tableau's
// mapping, with the same status and Tableau's JSON content type.
// createdByWrites are the catalog's answers that show ids made at run time.
var createdByWrites = map[string]bool{
	"add user": true, "create group": true, "users in group": true, "publish workbook": true,
	"publish datasource": true, "create connected app": true, "connected apps": true,
	"like tasks_with_workbook.xml": true, "like subscription_get.xml": true, "like webhook_get.xml": true,
	"like flow_refresh.xml": true, "like flow_runs_get_by_id.xml": true, "like dqw_by_content_type.xml": true,
	"like site_create.xml": true, "like schedule_create_daily.xml": true,
	"like fileupload_initialize.xml": true, "like fileupload_append.xml": true, "like flow_publish.xml": true,
	"like users_bulk_add_job.xml": true, "like datasource_data_update.xml": true, "flows of a user": true,
}

func TestJSONMirrorsXML(t *testing.T) {
	t.Parallel()
	xmlReplies, jsonReplies := catalog(t, false), catalog(t, true)
	// Tokens, the ids of created projects and jobs and the mock's port in
	// links differ between the two runs.
	random := func(name string) cmp.Option {
		return cmp.FilterPath(func(p cmp.Path) bool {
			if mi, ok := p.Last().(cmp.MapIndex); ok {
				k := mi.Key().String()
				created := name == "like project_create.xml" || strings.HasSuffix(name, "_refresh.xml") || name == "like job_get.xml" ||
					createdByWrites[name]
				return k == "token" || k == "webpageUrl" || (k == "id" || k == "clientId" || k == "flowRunId" || k == "backgroundJobId" || k == "uploadSessionId") && created
			}
			return false
		}, cmp.Ignore())
	}
	for name, x := range xmlReplies {
		j := jsonReplies[name]
		if x.status != j.status {
			t.Errorf("%s: status %d in XML, %d in JSON", name, x.status, j.status)
			continue
		}
		if x.status == 204 {
			if len(j.body) != 0 || j.header.Get("Content-Type") != "" {
				t.Errorf("%s: 204 with a body or a Content-Type in JSON", name)
			}
			continue
		}
		if ct := j.header.Get("Content-Type"); ct != contentTypeJSON {
			t.Errorf("%s: Content-Type %q", name, ct)
			continue
		}
		var got any
		if err := json.Unmarshal(j.body, &got); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := xmlToTableauJSON(x.xml(t))
		if diff := cmp.Diff(want, got, random(name)); diff != "" {
			t.Errorf("%s: JSON is not the XML's mapping (-from XML +JSON):\n%s", name, diff)
		}
	}
}
