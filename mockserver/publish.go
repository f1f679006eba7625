package mockserver

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Publish Workbook, Publish Data Source and Publish Flow
// (rest_api_ref_publishing.htm): a multipart/mixed body (multipart/form-data
// works too, as on Tableau) whose request_payload part holds the
// tsRequest, XML or JSON by its Content-Type, and whose tableau_workbook,
// tableau_datasource or tableau_flow part holds the file; or, after a
// chunked upload (uploads.go), ?uploadSessionId= with the file type in
// workbookType, datasourceType or flowType and a request_payload part
// alone. The file's content is not read; the item is created with what
// the payload says, its size the file's, and no views or connections.
//
// Codes: a body that is not multipart, a part missing or a payload without
// a name is 400000; an unknown project 404005; publishing over an item of
// the same name in the project without ?overwrite=true is 409 — the mock
// takes 409013, the code Tableau gives for the same clash when a workbook
// is moved (server-client-python issue #211); the code for publishing is
// not documented. Who may publish: administrators, and Creators and
// ExplorerCanPublish users in projects they own or lead or at the top of
// the default project (403004 otherwise) — a simplification of Tableau's
// Publish capability. With an upload session: 404015 for an unknown one,
// 400035 for a missing or wrong file type (Publish Workbook's codes, taken
// for data sources and flows too) and 400000 for a file part as well.
// Publish Flow has codes of its own in the reference, which it answers:
// 400090 without a flow element, 400089 without a name, 400086 for a file
// that is not .tfl or .tflx, 403007 for a caller who may not publish and
// 409041 for a name the project has.

// publishKind is Publish Workbook or Publish Data Source.
type publishKind struct {
	element, filePart string
	extensions        []string
	// typeParam names the file type with an upload session.
	typeParam string
}

var publishKinds = map[string]publishKind{
	"workbooks":   {"workbook", "tableau_workbook", []string{".twb", ".twbx"}, "workbookType"},
	"datasources": {"datasource", "tableau_datasource", []string{".tds", ".tdsx", ".tde", ".hyper"}, "datasourceType"},
	"flows":       {"flow", "tableau_flow", []string{".tfl", ".tflx"}, "flowType"},
}

// publishedParts are the two parts of a publish request.
type publishedParts struct {
	payload  *reqNode
	fileName string
	fileSize int
	// fileData is the file part itself, which only the CSV user methods
	// read.
	fileData []byte
}

// readPublishBody splits a multipart body into its payload and file.
func readPublishBody(contentType string, raw []byte, filePart string) (publishedParts, *apiError) {
	out, haveFile, err := readParts(contentType, raw, filePart)
	if err != nil {
		return out, err
	}
	if out.payload == nil || !haveFile {
		return out, errBadRequest("The multipart body needs a request_payload part and a " + filePart + " part.")
	}
	return out, nil
}

// readParts reads the request_payload and file parts a multipart body
// has, saying whether the file part was there.
func readParts(contentType string, raw []byte, filePart string) (out publishedParts, haveFile bool, _ *apiError) {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil || !strings.HasPrefix(media, "multipart/") || params["boundary"] == "" {
		return out, false, errBadRequest("The body must be multipart/mixed, with a request_payload part and a " + filePart + " part.")
	}
	mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// A boundary in the header that the body does not use (a
			// client's fixed "boundary=..." over its own generated
			// one) ends here too: Tableau finds no parts either.
			return out, false, errBadRequest("The multipart body could not be read with the boundary its Content-Type names.")
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return out, false, errMalformed()
		}
		name, fileName := partNames(p.Header.Get("Content-Disposition"))
		switch name {
		case "request_payload":
			if len(bytes.TrimSpace(data)) == 0 {
				// Append to File Upload's payload is empty.
				continue
			}
			n, err := parseBody(p.Header.Get("Content-Type"), data)
			if err != nil {
				return out, false, errMalformed()
			}
			out.payload = n
		case filePart:
			haveFile = true
			out.fileName = fileName
			out.fileSize = len(data)
			out.fileData = data
		}
	}
	return out, haveFile, nil
}

// partNames reads a part's name and file name. Tableau's reference writes
// the header without a disposition type (Content-Disposition:
// name="request_payload"), which Tableau accepts; clients send form-data.
func partNames(disposition string) (name, fileName string) {
	if strings.HasPrefix(strings.TrimSpace(strings.ToLower(disposition)), "name=") {
		disposition = "form-data; " + disposition
	}
	_, params, err := mime.ParseMediaType(disposition)
	if err != nil {
		return "", ""
	}
	return params["name"], path.Base(params["filename"])
}

func (h *handler) publish(plural string) func(*call) (result, *apiError) {
	kind := publishKinds[plural]
	return func(c *call) (result, *apiError) {
		raw, err := c.readRaw()
		if err != nil {
			return result{}, err
		}
		siteID := c.segs[1]
		if err := c.begin(siteID, plural, "create", false); err != nil {
			return result{}, err
		}
		st := h.store
		defer st.mu.Unlock()
		var parts publishedParts
		if sid := c.r.URL.Query().Get("uploadSessionId"); sid != "" {
			parts, err = c.uploadedParts(sid, raw, kind)
		} else {
			parts, err = readPublishBody(c.r.Header.Get("Content-Type"), raw, kind.filePart)
		}
		if err != nil {
			return result{}, err
		}
		item := parts.payload.child(kind.element)
		name, _ := item.attr("name")
		if kind.element == "flow" && item == nil {
			return result{}, &apiError{http.StatusBadRequest, 400090, "Bad Request", "The request has no flow element naming the flow and its project."}
		}
		if item == nil || strings.TrimSpace(name) == "" {
			if kind.element == "flow" {
				return result{}, &apiError{http.StatusBadRequest, 400089, "Bad Request", "A flow's name is required."}
			}
			return result{}, errMalformed()
		}
		if ext := strings.ToLower(path.Ext(parts.fileName)); parts.fileName != "" && !slices.Contains(kind.extensions, ext) {
			code := 400000
			if kind.element == "flow" {
				code = 400086
			}
			return result{}, &apiError{http.StatusBadRequest, code, "Bad Request",
				"The file '" + parts.fileName + "' is not a " + kind.element + " file (" + strings.Join(kind.extensions, ", ") + ")."}
		}
		projectID, _ := item.child("project").attr("id")
		if projectID == "" {
			projectID = st.defaultProjectID(siteID)
		}
		if st.project(siteID, projectID) == nil {
			return result{}, errNotFound(codeProjectNotFound, "Project", projectID)
		}
		if !st.mayPublish(c.user, siteID, projectID) {
			if kind.element == "flow" {
				return result{}, &apiError{http.StatusForbidden, 403007, "Forbidden", "The user may not publish flows to project '" + projectID + "'."}
			}
			return result{}, errForbidden("The user may not publish to project '" + projectID + "'.")
		}
		overwrite := strings.EqualFold(c.r.URL.Query().Get("overwrite"), "true")
		description, _ := item.attr("description")
		now := c.now
		switch kind.element {
		case "workbook":
			showTabs, _ := item.attr("showTabs")
			w := Workbook{ID: uuid.NewString(), SiteID: siteID, Name: name, Description: description,
				ContentURL: contentURL(name), ProjectID: projectID, OwnerID: c.user.ID,
				ShowTabs: strings.EqualFold(showTabs, "true"), Size: megabytes(parts.fileSize), CreatedAt: now, UpdatedAt: now}
			i, err := st.placeWorkbook(w, overwrite)
			if err != nil {
				return result{}, err
			}
			return answer(http.StatusCreated, workbookNode(c, &st.data.Workbooks[i], i, false))
		case "flow":
			fileType := strings.TrimPrefix(strings.ToLower(path.Ext(parts.fileName)), ".")
			f := Flow{ID: uuid.NewString(), SiteID: siteID, Name: name, Description: description, ProjectID: projectID,
				OwnerID: c.user.ID, FileType: fileType, CreatedAt: now, UpdatedAt: now}
			i, err := st.placeFlow(f, overwrite)
			if err != nil {
				return result{}, err
			}
			// Tableau's answer lists the flow's output steps and
			// parameters, which the mock, not reading the file, has none of.
			return answer(http.StatusCreated, listEl("flowOutputSteps"), flowNode(c, &st.data.Flows[i], i).add(listEl("parameters")))
		default:
			d := Datasource{ID: uuid.NewString(), SiteID: siteID, Name: name, Description: description,
				ContentURL: contentURL(name), ProjectID: projectID, OwnerID: c.user.ID,
				Size: megabytes(parts.fileSize), CreatedAt: now, UpdatedAt: now}
			i, err := st.placeDatasource(d, overwrite)
			if err != nil {
				return result{}, err
			}
			return answer(http.StatusCreated, datasourceNode(c, &st.data.Datasources[i], i))
		}
	}
}

// megabytes is Tableau's size attribute: whole megabytes, rounded up.
func megabytes(n int) int { return (n + 1<<20 - 1) >> 20 }

// defaultProjectID is the project Tableau publishes to when the payload
// names none. Must be called with the store locked.
func (st *store) defaultProjectID(siteID string) string {
	for _, p := range st.data.Projects {
		if p.SiteID == siteID && isDefaultProject(&p) {
			return p.ID
		}
	}
	return ""
}

// mayPublish must be called with the store locked.
func (st *store) mayPublish(u *User, siteID, projectID string) bool {
	if u.siteAdmin() {
		return true
	}
	if u.SiteRole != "Creator" && u.SiteRole != "ExplorerCanPublish" {
		return false
	}
	p := st.project(siteID, projectID)
	return p != nil && (isDefaultProject(p) || st.managesProject(u, siteID, projectID))
}

func errPublishConflict(kind, name string) *apiError {
	return &apiError{http.StatusConflict, 409013, "Resource Conflict",
		"A " + kind + " named '" + name + "' already exists in the project; publish with overwrite=true to replace it."}
}

// placeWorkbook adds a workbook or, with overwrite, replaces the one of
// the same name in the project, keeping its id. Must be called with the
// store locked.
func (st *store) placeWorkbook(w Workbook, overwrite bool) (int, *apiError) {
	for i, o := range st.data.Workbooks {
		if o.SiteID == w.SiteID && o.ProjectID == w.ProjectID && strings.EqualFold(o.Name, w.Name) {
			if !overwrite {
				return 0, errPublishConflict("workbook", w.Name)
			}
			w.ID, w.CreatedAt, w.Tags = o.ID, o.CreatedAt, o.Tags
			st.data.Workbooks[i] = w
			return i, nil
		}
	}
	w.ContentURL = st.freeContentURL(w.SiteID, w.ContentURL)
	st.data.Workbooks = append(st.data.Workbooks, w)
	return len(st.data.Workbooks) - 1, nil
}

func (st *store) placeDatasource(d Datasource, overwrite bool) (int, *apiError) {
	for i, o := range st.data.Datasources {
		if o.SiteID == d.SiteID && o.ProjectID == d.ProjectID && strings.EqualFold(o.Name, d.Name) {
			if !overwrite {
				return 0, errPublishConflict("data source", d.Name)
			}
			d.ID, d.CreatedAt, d.Tags, d.Type = o.ID, o.CreatedAt, o.Tags, o.Type
			st.data.Datasources[i] = d
			return i, nil
		}
	}
	d.ContentURL = st.freeContentURL(d.SiteID, d.ContentURL)
	st.data.Datasources = append(st.data.Datasources, d)
	return len(st.data.Datasources) - 1, nil
}

func (st *store) placeFlow(f Flow, overwrite bool) (int, *apiError) {
	for i, o := range st.data.Flows {
		if o.SiteID == f.SiteID && o.ProjectID == f.ProjectID && strings.EqualFold(o.Name, f.Name) {
			if !overwrite {
				return 0, &apiError{http.StatusConflict, 409041, "Resource Conflict",
					"A flow named '" + f.Name + "' already exists in the project; publish with overwrite=true to replace it."}
			}
			f.ID, f.CreatedAt, f.Tags = o.ID, o.CreatedAt, o.Tags
			st.data.Flows[i] = f
			return i, nil
		}
	}
	st.data.Flows = append(st.data.Flows, f)
	return len(st.data.Flows) - 1, nil
}

// freeContentURL makes a content URL unique on the site as Tableau does,
// with a numeric suffix (Superstore, Superstore_0, ...).
func (st *store) freeContentURL(siteID, base string) string {
	taken := map[string]bool{}
	for _, w := range st.data.Workbooks {
		if w.SiteID == siteID {
			taken[strings.ToLower(w.ContentURL)] = true
		}
	}
	for _, d := range st.data.Datasources {
		if d.SiteID == siteID {
			taken[strings.ToLower(d.ContentURL)] = true
		}
	}
	url := base
	for i := 0; taken[strings.ToLower(url)]; i++ {
		url = base + "_" + strconv.Itoa(i)
	}
	return url
}
