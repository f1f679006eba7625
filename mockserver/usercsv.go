package mockserver

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Import Users to Site from CSV and Delete Users from Site with CSV
// (Users and Groups Methods of Tableau's reference): a multipart body
// whose tableau_user_import or tableau_user_delete part is a CSV file in
// Tableau's user import format, without a header row: user name,
// password, display name, license level (Creator, Explorer, Viewer,
// Unlicensed), administrator level (System, Site, None), publishing
// (yes, no), email. Only the name is required; a delete file needs no
// more. Import's request_payload may give user elements with an
// authSetting, for the user it names or, without a name, for all.
//
// Tableau answers 202 with a job (UserImport, UserDelete) that Query Job
// follows; the mock applies the file at once, all or nothing, and the
// job ends after the usual run time. A file Tableau's importer cannot
// read is a failed job on Tableau; the mock refuses it at once with
// 400000 naming the line, so that the mistake is seen where it is made.
// Administrators only (403004). A user to delete who still owns content
// on the site is made Unlicensed instead, as Tableau does when it cannot
// remove a user; the caller is not deleted; names no user has are passed
// over.

// csvUser is one row of an import file, as the user it makes.
type csvUser struct {
	name, password, fullName, email, role string
}

// csvRole maps a row's license and administrator levels to a site role,
// as Tableau's import guidelines table them.
func csvRole(license, admin, publish string) (string, error) {
	license, admin = strings.ToLower(license), strings.ToLower(admin)
	switch admin {
	case "system":
		return "ServerAdministrator", nil
	case "site":
		switch license {
		case "creator":
			return "SiteAdministratorCreator", nil
		case "explorer", "":
			return "SiteAdministratorExplorer", nil
		}
		return "", fmt.Errorf("a site administrator's license level must be Creator or Explorer, not %q", license)
	case "none", "":
	default:
		return "", fmt.Errorf("the administrator level must be System, Site or None, not %q", admin)
	}
	switch license {
	case "creator":
		return "Creator", nil
	case "explorer":
		if strings.EqualFold(publish, "yes") || strings.EqualFold(publish, "true") {
			return "ExplorerCanPublish", nil
		}
		return "Explorer", nil
	case "viewer":
		return "Viewer", nil
	case "unlicensed", "":
		return "Unlicensed", nil
	}
	return "", fmt.Errorf("the license level must be Creator, Explorer, Viewer or Unlicensed, not %q", license)
}

// readUserCSV reads the rows of an import or delete file.
func readUserCSV(part string, data []byte) ([]csvUser, *apiError) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var out []csvUser
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, errBadRequest(fmt.Sprintf("%s: %v.", part, err))
		}
		if len(rec) > 7 && slices.ContainsFunc(rec[7:], func(s string) bool { return strings.TrimSpace(s) != "" }) {
			return nil, errBadRequest(fmt.Sprintf("%s line %d: a row has at most 7 fields (name, password, display name, license level, administrator level, publishing, email).", part, line))
		}
		rec = append(rec, make([]string, 7)...)
		u := csvUser{name: strings.TrimSpace(rec[0]), password: rec[1], fullName: rec[2], email: strings.TrimSpace(rec[6])}
		if u.name == "" {
			return nil, errBadRequest(fmt.Sprintf("%s line %d: the user name (first field) is empty.", part, line))
		}
		role, err := csvRole(strings.TrimSpace(rec[3]), strings.TrimSpace(rec[4]), strings.TrimSpace(rec[5]))
		if err != nil {
			return nil, errBadRequest(fmt.Sprintf("%s line %d: %v.", part, line, err))
		}
		u.role = role
		out = append(out, u)
	}
	if len(out) == 0 {
		return nil, errBadRequest(part + ": the file names no users.")
	}
	return out, nil
}

// beginUserCSV reads the body and its CSV part for an administrator of
// the site; on success the caller must unlock.
func (c *call) beginUserCSV(action, part string) (publishedParts, []csvUser, *apiError) {
	raw, err := c.readRaw()
	if err != nil {
		return publishedParts{}, nil, err
	}
	if err := c.begin(c.segs[1], "users", action, false); err != nil {
		return publishedParts{}, nil, err
	}
	parts, rows, err := c.userCSV(raw, part)
	if err != nil {
		c.h.store.mu.Unlock()
	}
	return parts, rows, err
}

func (c *call) userCSV(raw []byte, part string) (publishedParts, []csvUser, *apiError) {
	if err := c.requireAdmin("import or delete users"); err != nil {
		return publishedParts{}, nil, err
	}
	parts, haveFile, err := readParts(c.r.Header.Get("Content-Type"), raw, part)
	if err != nil {
		return parts, nil, err
	}
	if !haveFile {
		return parts, nil, errBadRequest("The multipart body needs a " + part + " part holding the CSV file.")
	}
	rows, err := readUserCSV(part, parts.fileData)
	return parts, rows, err
}

// startUserJob records a CSV job and answers it as Tableau does
// (users_bulk_add_job.xml). Must be called with the store locked.
func (c *call) startUserJob(kind string) (result, *apiError) {
	j := &job{id: uuid.NewString(), siteID: c.segs[1], userID: c.user.ID, kind: kind, createdAt: c.now.UTC().Truncate(time.Second)}
	c.h.store.jobs = append(c.h.store.jobs, j)
	return answer(http.StatusAccepted, el("job").set("id", j.id).set("mode", "Asynchronous").set("type", kind).
		set("progress", "0").set("createdAt", formatTime(j.createdAt)))
}

func (h *handler) importUsers(c *call) (result, *apiError) {
	parts, rows, err := c.beginUserCSV("create", "tableau_user_import")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	siteID := c.segs[1]
	auth := map[string]string{}
	for _, u := range parts.payload.kidsNamed("user") {
		setting, ok := u.attr("authSetting")
		if err := checkAuthSetting(setting, ok); err != nil {
			return result{}, err
		}
		name, _ := u.attr("name")
		auth[strings.ToLower(name)] = setting
	}
	for _, row := range rows {
		if err := checkSiteRole(c, row.role); err != nil {
			return result{}, err
		}
	}
	for _, row := range rows {
		setting, ok := auth[strings.ToLower(row.name)]
		if !ok {
			setting = auth[""]
		}
		u := st.userByName(row.name)
		if u == nil {
			st.data.Users = append(st.data.Users, User{ID: uuid.NewString(), Name: row.name, SiteIDs: []string{siteID}})
			u = &st.data.Users[len(st.data.Users)-1]
		} else if !u.memberOf(siteID) {
			u.SiteIDs = append(u.SiteIDs, siteID)
		}
		// The mock keeps one site role per user, as addUser does.
		u.SiteRole = row.role
		if setting != "" {
			u.AuthSetting = setting
		}
		if row.password != "" {
			u.Password = row.password
		}
		if row.fullName != "" {
			u.FullName = row.fullName
		}
		if row.email != "" {
			u.Email = row.email
		}
	}
	return c.startUserJob("UserImport")
}

func (h *handler) deleteUsersCSV(c *call) (result, *apiError) {
	_, rows, err := c.beginUserCSV("delete", "tableau_user_delete")
	if err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	siteID := c.segs[1]
	for _, row := range rows {
		u := st.userByName(row.name)
		if u == nil || !u.memberOf(siteID) || u.ID == c.user.ID {
			continue
		}
		if st.transferContent(siteID, u.ID, "") > 0 {
			u.SiteRole = "Unlicensed"
			continue
		}
		st.dropFromSite(siteID, u)
	}
	return c.startUserJob("UserDelete")
}
