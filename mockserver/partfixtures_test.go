package mockserver

// partFixtureCases compare the methods of content.go, connections.go,
// defaultperms.go, dqw.go, flowruns.go, tasks.go, subscriptions.go,
// webhooks.go, sitewrites.go, schedulewrites.go, uploads.go, usercsv.go
// and hyperupdate.go with the real Tableau responses in ../shared. They join
// fixtureCases, so that
// TestResponsesMatchRealTableau compares them and the XSD tests validate
// those the composed schema covers.
var partFixtureCases = []fixtureCase{
	{fixture: "workbook_add_tags.xml", request: func(s *fixtureSession) req {
		return s.put("workbooks/"+demoID(DemoSamplesSiteID, "workbook", "World Indicators")+"/tags",
			`<tsRequest><tags><tag label="a"/><tag label="b"/></tags></tsRequest>`)
	}},
	{fixture: "view_add_tags.xml", request: func(s *fixtureSession) req {
		return s.put("views/"+demoID(DemoSamplesSiteID, "view", "Superstore", "Details")+"/tags", `<tsRequest><tags><tag label="a"/></tags></tsRequest>`)
	}},
	{fixture: "datasource_add_tags.xml", request: func(s *fixtureSession) req {
		return s.put("datasources/"+demoID(DemoSamplesSiteID, "datasource", "World Indicators")+"/tags", `<tsRequest><tags><tag label="a"/></tags></tsRequest>`)
	}},
	{fixture: "workbook_populate_views.xml", request: func(s *fixtureSession) req {
		return s.get("workbooks/" + demoID(DemoSamplesSiteID, "workbook", "Superstore") + "/views")
	}},
	{fixture: "workbook_populate_views_usage.xml", request: func(s *fixtureSession) req {
		return s.get("workbooks/" + demoID(DemoSamplesSiteID, "workbook", "Superstore") + "/views?includeUsageStatistics=true")
	}},
	{fixture: "workbook_populate_connections.xml", request: func(s *fixtureSession) req {
		return s.get("workbooks/" + demoID(DemoSamplesSiteID, "workbook", "Superstore") + "/connections")
	}},
	{fixture: "datasource_populate_connections.xml", request: func(s *fixtureSession) req {
		return s.get("datasources/" + demoID(DemoSamplesSiteID, "datasource", "World Indicators") + "/connections")
	},
		// The 3.0 connectionType the composed schema borrows predates
		// embedPassword, which real responses have.
		noSchema: true},
	{fixture: "workbook_revision.xml", request: func(s *fixtureSession) req {
		return s.get("workbooks/" + demoID(DemoSamplesSiteID, "workbook", "Superstore") + "/revisions")
	}},
	{fixture: "datasource_revision.xml", request: func(s *fixtureSession) req {
		return s.get("datasources/" + demoID(DemoSamplesSiteID, "datasource", "World Indicators") + "/revisions")
	}},
	{fixture: "project_populate_workbook_default_permissions.xml", request: func(s *fixtureSession) req {
		s.do(s.put("projects/"+demoID(DemoSamplesSiteID, "project", "Samples")+"/default-permissions/workbooks",
			`<tsRequest><permissions><granteeCapabilities><group id="`+demoID(DemoSamplesSiteID, "group", "Analysts")+
				`"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities></permissions></tsRequest>`))
		return s.get("projects/" + demoID(DemoSamplesSiteID, "project", "Samples") + "/default-permissions/workbooks")
	}},
	{fixture: "workbook_populate_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("workbooks/"+demoID(DemoSamplesSiteID, "workbook", "Superstore"), true, true)
	}},
	{fixture: "workbook_update_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("workbooks/"+demoID(DemoSamplesSiteID, "workbook", "Regional"), false, true)
	}},
	{fixture: "datasource_populate_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("datasources/"+demoID(DemoSamplesSiteID, "datasource", "Regional Sales"), true, true)
	}},
	{fixture: "view_populate_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("views/"+demoID(DemoSamplesSiteID, "view", "Superstore", "Overview"), true, false)
	},
		// The 3.0 permissionsType the composed schema borrows predates
		// view permissions.
		noSchema: true},
	{fixture: "view_update_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("views/"+demoID(DemoSamplesSiteID, "view", "Superstore", "Details"), false, true)
	}, noSchema: true},
	{fixture: "project_populate_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("projects/"+demoID(DemoSamplesSiteID, "project", "Sandbox"), true, false)
	}},
	{fixture: "flow_populate_permissions.xml", request: func(s *fixtureSession) req {
		return s.permissions("flows/"+demoID(DemoSamplesSiteID, "flow", "Superstore Prep"), true, false)
	},
		// The mock has no group sets to grant to.
		missing:  []string{"/tsResponse/permissions/granteeCapabilities/groupSet", "/tsResponse/permissions/granteeCapabilities/groupSet/@id"},
		noSchema: true},
	{fixture: "tasks_with_workbook.xml", request: func(s *fixtureSession) req {
		s.do(s.put("schedules/"+demoID("schedule", "Weekday early mornings")+"/workbooks",
			`<tsRequest><task><extractRefresh><workbook id="`+demoID(DemoSamplesSiteID, "workbook", "Superstore")+`"/></extractRefresh></task></tsRequest>`))
		return s.get("tasks/extractRefreshes")
	},
		// Tableau 2019.3 and later list a schedule's executionOrder.
		extra: []string{"/tsResponse/tasks/task/extractRefresh/schedule/@executionOrder"}, noSchema: true},
	{fixture: "subscription_get.xml", request: func(s *fixtureSession) req {
		s.do(s.post("subscriptions", `<tsRequest><subscription subject="Weekly"><content id="`+demoID(DemoSamplesSiteID, "view", "Superstore", "Details")+
			`" type="View"/><schedule id="`+demoID("schedule", "Saturday night")+`"/><user id="`+DemoAliceID+`"/></subscription></tsRequest>`))
		return s.get("subscriptions")
	},
		// The page options are those of a PDF subscription, which the
		// mock does not model.
		missing:  []string{"/tsResponse/subscriptions/subscription/@pageOrientation", "/tsResponse/subscriptions/subscription/@pageSizeOption"},
		noSchema: true},
	{fixture: "webhook_get.xml", request: func(s *fixtureSession) req {
		s.do(s.post("webhooks", `<tsRequest><webhook name="w"><webhook-source><webhook-source-event-datasource-created/></webhook-source>`+
			`<webhook-destination><webhook-destination-http method="POST" url="https://hooks.example.com/w"/></webhook-destination></webhook></tsRequest>`))
		return s.get("webhooks")
	},
		// isEnabled came with API 3.11 (Tableau 2021.1); the fixture is
		// older.
		extra: []string{"/tsResponse/webhooks/webhook/@isEnabled"}, noSchema: true},
	{fixture: "flow_refresh.xml", request: func(s *fixtureSession) req {
		r := s.post("flows/"+demoID(DemoSamplesSiteID, "flow", "Superstore Prep")+"/run", "<tsRequest/>")
		return r
	}, noSchema: true},
	{fixture: "flow_runs_get_by_id.xml", request: func(s *fixtureSession) req {
		run := s.do(s.post("flows/"+demoID(DemoSamplesSiteID, "flow", "Superstore Prep")+"/run", "<tsRequest/>"))
		id, _ := run.attrOf("//runFlowJobType", "flowRunId")
		return s.get("flows/runs/" + id)
	},
		// A run still in progress has not completed.
		missing: []string{"/tsResponse/flowRun/@completedAt"}, noSchema: true},
	{fixture: "flow_populate_connections.xml", request: func(s *fixtureSession) req {
		return s.get("flows/" + demoID(DemoSamplesSiteID, "flow", "Superstore Prep") + "/connections")
	},
		// The 3.0 connectionType the composed schema borrows predates
		// embedPassword, which real responses have.
		noSchema: true},
	{fixture: "datasource_connection_update.xml", request: func(s *fixtureSession) req {
		id := demoID(DemoSamplesSiteID, "datasource", "World Indicators")
		return s.put("datasources/"+id+"/connections/"+derivedID("connection", id),
			`<tsRequest><connection serverAddress="bar" serverPort="9876" userName="foo"/></tsRequest>`)
	},
		// The composed schema's tsResponse has no connection root.
		noSchema: true},
	{fixture: "dqw_by_content_type.xml", request: func(s *fixtureSession) req {
		id := demoID(DemoSamplesSiteID, "datasource", "World Indicators")
		s.do(s.post("dataQualityWarnings/datasource/"+id, `<tsRequest><dataQualityWarning type="WARNING" message="Hello" isActive="true" isSevere="true"/></tsRequest>`))
		return s.get("dataQualityWarnings/datasource/" + id)
	},
		// The composed schema's tsResponse has no dataQualityWarningList root.
		noSchema: true},
	{fixture: "site_create.xml", request: func(s *fixtureSession) req {
		return req{method: "POST", path: "sites", token: s.token, body: `<tsRequest><site name="Tableau" contentUrl="tableau" adminMode="ContentAndUsers"/></tsRequest>`}
	},
		// The fixture predates the attributes Tableau 2024 sends on every
		// site (site_get_by_id.xml has them), and its revision history is
		// off, which drops revisionLimit.
		extra: []string{"/tsResponse/site/@catalogObfuscationEnabled", "/tsResponse/site/@commentingMentionsEnabled", "/tsResponse/site/@revisionLimit"}},
	{fixture: "schedule_create_daily.xml", request: func(s *fixtureSession) req {
		return req{method: "POST", path: "schedules", token: s.token, body: `<tsRequest><schedule name="daily-schedule-1" priority="90" type="Subscription" ` +
			`frequency="Daily" executionOrder="Serial"><frequencyDetails start="04:45:00"/></schedule></tsRequest>`}
	},
		// The mock computes no run times; the composed schema's
		// tsResponse has no schedule root.
		missing: []string{"/tsResponse/schedule/@nextRunAt"}, noSchema: true},
	{fixture: "fileupload_initialize.xml", request: func(s *fixtureSession) req { return s.post("fileUploads", "") },
		// The composed schema's tsResponse has no fileUpload root.
		noSchema: true},
	{fixture: "fileupload_append.xml", request: func(s *fixtureSession) req {
		id, _ := s.do(s.post("fileUploads", "")).attrOf("//fileUpload", "uploadSessionId")
		r := s.put("fileUploads/"+id, multipartBody("xx", "text/xml", "", "tableau_file", "blob"))
		r.contentType = "multipart/mixed; boundary=xx"
		return r
	}, noSchema: true},
	{fixture: "flow_publish.xml", request: func(s *fixtureSession) req {
		r := s.post("flows", multipartBody("xx", "text/xml", `<tsRequest><flow name="SampleFlow" description="Sample Flow Description"/></tsRequest>`, "tableau_flow", "SampleFlow.tfl"))
		r.contentType = "multipart/mixed; boundary=xx"
		return r
	},
		// Query Flows gives a flow's webpageUrl, which the fixture's
		// publish answer lacks; the composed schema's tsResponse has no
		// flow root.
		extra: []string{"/tsResponse/flow/@webpageUrl"}, noSchema: true},
	{fixture: "users_bulk_add_job.xml", request: func(s *fixtureSession) req {
		r := s.post("users/import", csvBody("tableau_user_import", "", "bulk,pw,Bulk User,Viewer,None,no\n"))
		r.contentType = "multipart/mixed; boundary=b0undary"
		return r
	},
		// The fixture's finishCode="1" on a job at progress 0 is no
		// outcome yet; the mock, like Query Job, gives finishCode once
		// the job has ended. The composed schema's tsResponse has no job
		// root.
		missing: []string{"/tsResponse/job/@finishCode"}, noSchema: true},
	{fixture: "datasource_data_update.xml", request: func(s *fixtureSession) req {
		id := demoID(DemoSamplesSiteID, "datasource", "World Indicators")
		r := s.put("datasources/"+id+"/connections/"+derivedID("connection", id)+"/data",
			`{"actions":[{"action":"delete","target-schema":"Extract","target-table":"Extract","condition":{"op":"eq","target-col":"id","const":{"type":"integer","v":1}}}]}`)
		r.method, r.contentType, r.header = "PATCH", jsonType, map[string]string{"RequestID": "fixture"}
		return r
	}, noSchema: true},
	{fixture: "schedule_update.xml", request: func(s *fixtureSession) req {
		return req{method: "PUT", path: "schedules/" + demoID("schedule", "Weekday early mornings"), token: s.token,
			body: `<tsRequest><schedule state="Suspended" priority="90"><frequencyDetails start="07:00:00"><intervals>` +
				`<interval weekDay="Monday"/><interval weekDay="Friday"/></intervals></frequencyDetails></schedule></tsRequest>`}
	}, noSchema: true},
}

func init() { fixtureCases = append(fixtureCases, partFixtureCases...) }

// permissions grants the Analysts group Read (and with user alice Write)
// on an item and returns the request that lists its permissions (query)
// or, with query false, the grant itself, whose answer Tableau words
// alike.
func (s *fixtureSession) permissions(item string, query, user bool) req {
	body := `<tsRequest><permissions><granteeCapabilities><group id="` + demoID(DemoSamplesSiteID, "group", "Analysts") +
		`"/><capabilities><capability name="Read" mode="Allow"/></capabilities></granteeCapabilities>`
	if user {
		body += `<granteeCapabilities><user id="` + DemoAliceID + `"/><capabilities><capability name="Write" mode="Allow"/></capabilities></granteeCapabilities>`
	}
	add := s.put(item+"/permissions", body+`</permissions></tsRequest>`)
	if !query {
		return add
	}
	s.do(add)
	return s.get(item + "/permissions")
}
