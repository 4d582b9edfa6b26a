-- The whole schema of version 7, the last release before migrations, as that release created it (EnsureCreated, then
-- the overlap guard and the SchemaVersions row), captured from its DatabaseSchema. Frozen: tests build real pre-migration
-- databases from it. Never edit it for a model change.
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "TimeZoneId" TEXT NOT NULL,
    "RequestedRole" TEXT NOT NULL,
    "RequestedProgramId" TEXT NULL,
    "YearsOfExperience" INTEGER NOT NULL,
    "Expertise" TEXT NOT NULL,
    "Theme" TEXT NOT NULL,
    "Approval" TEXT NOT NULL,
    "RejectionReason" TEXT NULL,
    "RegisteredUtc" TEXT NOT NULL,
    "DecidedUtc" TEXT NULL,
    "DeletedUtc" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "Outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY AUTOINCREMENT,
    "Recipient" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "NextAttemptUtc" TEXT NOT NULL,
    "SentUtc" TEXT NULL,
    "LastError" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntilUtc" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "SessionId" TEXT NULL,
    "ReminderMinutes" INTEGER NULL,
    "CalendarInvite" TEXT NULL,
    "CalendarMethod" TEXT NULL,
    "SkipReason" TEXT NULL,
    "Channel" TEXT NOT NULL,
    "FallbackEmail" TEXT NULL,
    "EventId" TEXT NULL,
    "Topic" TEXT NULL,
    "UserId" TEXT NULL
);


CREATE TABLE "Programs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Programs" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "ReviewCriteria" TEXT NOT NULL,
    "ProbationThreshold" REAL NOT NULL,
    "ProbationWeeks" INTEGER NOT NULL,
    "RemovalWeeks" INTEGER NOT NULL,
    "AppliesAutomationsItself" INTEGER NOT NULL,
    "AutomatedWeek" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL
);


CREATE TABLE "SchemaVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SchemaVersions" PRIMARY KEY AUTOINCREMENT,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "SentMails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SentMails" PRIMARY KEY AUTOINCREMENT,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "CalendarInvite" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "Channel" TEXT NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Availabilities" (
    "MentorId" TEXT NOT NULL CONSTRAINT "PK_Availabilities" PRIMARY KEY,
    "SessionLengths" TEXT NOT NULL,
    "BufferBeforeMinutes" INTEGER NOT NULL,
    "BufferAfterMinutes" INTEGER NOT NULL,
    "MinimumNoticeMinutes" INTEGER NOT NULL,
    "BookingHorizonDays" INTEGER NOT NULL,
    "AutoAccept" INTEGER NOT NULL,
    "MeetingUrl" TEXT NULL,
    "SlotsPublishedUtc" TEXT NULL,
    CONSTRAINT "FK_Availabilities_AspNetUsers_MentorId" FOREIGN KEY ("MentorId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "NotificationPreferences" (
    "UserId" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "Email" INTEGER NOT NULL,
    "Sms" INTEGER NOT NULL,
    CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Topic"),
    CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Sessions" PRIMARY KEY,
    "MentorId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "StartUtc" TEXT NOT NULL,
    "EndUtc" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Agenda" TEXT NOT NULL,
    "Notes" TEXT NOT NULL,
    "StatusReason" TEXT NULL,
    "ChangedById" TEXT NULL,
    "MeetingUrl" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "RespondedUtc" TEXT NULL,
    "ExpiresUtc" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    CONSTRAINT "FK_Sessions_AspNetUsers_MentorId" FOREIGN KEY ("MentorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Sessions_AspNetUsers_StudentId" FOREIGN KEY ("StudentId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Announcements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Announcements" PRIMARY KEY AUTOINCREMENT,
    "ProgramId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Markdown" TEXT NOT NULL,
    "Pinned" INTEGER NOT NULL,
    "PostedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Announcements_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BuddyPair" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BuddyPair" PRIMARY KEY AUTOINCREMENT,
    "ProgramId" TEXT NOT NULL,
    "Week" TEXT NOT NULL,
    "StudentA" TEXT NOT NULL,
    "StudentB" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    CONSTRAINT "FK_BuddyPair_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ProgramEvent" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProgramEvent" PRIMARY KEY,
    "ProgramId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "StartUtc" TEXT NOT NULL,
    "EndUtc" TEXT NOT NULL,
    "MeetingUrl" TEXT NULL,
    "GroupMentorId" TEXT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "CancelledUtc" TEXT NULL,
    "CancelReason" TEXT NULL,
    CONSTRAINT "FK_ProgramEvent_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgramEvent_AspNetUsers_GroupMentorId" FOREIGN KEY ("GroupMentorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgramEvent_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ProgramExclusion" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgramExclusion" PRIMARY KEY AUTOINCREMENT,
    "ProgramId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "MentorId" TEXT NOT NULL,
    CONSTRAINT "FK_ProgramExclusion_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ProgramMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgramMembers" PRIMARY KEY AUTOINCREMENT,
    "ProgramId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "MentorId" TEXT NULL,
    "MentorCapacity" INTEGER NOT NULL,
    "JoinedUtc" TEXT NOT NULL,
    "LeftUtc" TEXT NULL,
    "ProbationReason" TEXT NULL,
    "LeftReason" TEXT NULL,
    CONSTRAINT "FK_ProgramMembers_AspNetUsers_MentorId" FOREIGN KEY ("MentorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgramMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProgramMembers_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "WeeklyReview" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WeeklyReview" PRIMARY KEY,
    "ProgramId" TEXT NOT NULL,
    "MentorId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "Week" TEXT NOT NULL,
    "Scores" TEXT NOT NULL,
    "Feedback" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "UpdatedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_WeeklyReview_AspNetUsers_MentorId" FOREIGN KEY ("MentorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WeeklyReview_AspNetUsers_StudentId" FOREIGN KEY ("StudentId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WeeklyReview_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AvailabilityOverride" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AvailabilityOverride" PRIMARY KEY AUTOINCREMENT,
    "MentorId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "StartMinute" INTEGER NULL,
    "EndMinute" INTEGER NULL,
    CONSTRAINT "FK_AvailabilityOverride_Availabilities_MentorId" FOREIGN KEY ("MentorId") REFERENCES "Availabilities" ("MentorId") ON DELETE CASCADE
);


CREATE TABLE "AvailabilityRule" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AvailabilityRule" PRIMARY KEY AUTOINCREMENT,
    "MentorId" TEXT NOT NULL,
    "Day" INTEGER NOT NULL,
    "StartMinute" INTEGER NOT NULL,
    "EndMinute" INTEGER NOT NULL,
    CONSTRAINT "FK_AvailabilityRule_Availabilities_MentorId" FOREIGN KEY ("MentorId") REFERENCES "Availabilities" ("MentorId") ON DELETE CASCADE
);


CREATE TABLE "Assignment" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Assignment" PRIMARY KEY,
    "ProgramId" TEXT NOT NULL,
    "GroupMentorId" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Instructions" TEXT NOT NULL,
    "DueUtc" TEXT NOT NULL,
    "EventId" TEXT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Assignment_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assignment_AspNetUsers_GroupMentorId" FOREIGN KEY ("GroupMentorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assignment_ProgramEvent_EventId" FOREIGN KEY ("EventId") REFERENCES "ProgramEvent" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Assignment_Programs_ProgramId" FOREIGN KEY ("ProgramId") REFERENCES "Programs" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EventResources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EventResources" PRIMARY KEY,
    "EventId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Url" TEXT NULL,
    "StoredName" TEXT NULL,
    "FileName" TEXT NULL,
    "ContentType" TEXT NULL,
    "Length" INTEGER NULL,
    "AddedById" TEXT NOT NULL,
    "AddedUtc" TEXT NOT NULL,
    CONSTRAINT "FK_EventResources_AspNetUsers_AddedById" FOREIGN KEY ("AddedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EventResources_ProgramEvent_EventId" FOREIGN KEY ("EventId") REFERENCES "ProgramEvent" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ReviewChange" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewChange" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" TEXT NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "ChangedUtc" TEXT NOT NULL,
    "PreviousScores" TEXT NOT NULL,
    "PreviousFeedback" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewChange_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReviewChange_WeeklyReview_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "WeeklyReview" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Submission" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Submission" PRIMARY KEY,
    "AssignmentId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "StoredName" TEXT NULL,
    "FileName" TEXT NULL,
    "ContentType" TEXT NULL,
    "Length" INTEGER NULL,
    "LinkUrl" TEXT NULL,
    "SubmittedUtc" TEXT NOT NULL,
    "IsLate" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Grade" INTEGER NULL,
    "ReviewComments" TEXT NULL,
    "ReviewedById" TEXT NULL,
    "ReviewedUtc" TEXT NULL,
    CONSTRAINT "FK_Submission_AspNetUsers_ReviewedById" FOREIGN KEY ("ReviewedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Submission_AspNetUsers_StudentId" FOREIGN KEY ("StudentId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Submission_Assignment_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "Assignment" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_Announcements_ProgramId_PostedUtc" ON "Announcements" ("ProgramId", "PostedUtc");


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_Approval" ON "AspNetUsers" ("Approval");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_Assignment_CreatedById" ON "Assignment" ("CreatedById");


CREATE INDEX "IX_Assignment_EventId" ON "Assignment" ("EventId");


CREATE INDEX "IX_Assignment_GroupMentorId" ON "Assignment" ("GroupMentorId");


CREATE INDEX "IX_Assignment_ProgramId_DueUtc" ON "Assignment" ("ProgramId", "DueUtc");


CREATE INDEX "IX_AvailabilityOverride_MentorId_Date" ON "AvailabilityOverride" ("MentorId", "Date");


CREATE INDEX "IX_AvailabilityRule_MentorId" ON "AvailabilityRule" ("MentorId");


CREATE INDEX "IX_BuddyPair_ProgramId_Week" ON "BuddyPair" ("ProgramId", "Week");


CREATE INDEX "IX_EventResources_AddedById" ON "EventResources" ("AddedById");


CREATE INDEX "IX_EventResources_EventId" ON "EventResources" ("EventId");


CREATE INDEX "IX_Outbox_EventId" ON "Outbox" ("EventId");


CREATE INDEX "IX_Outbox_SessionId" ON "Outbox" ("SessionId");


CREATE INDEX "IX_Outbox_Status_NextAttemptUtc" ON "Outbox" ("Status", "NextAttemptUtc");


CREATE INDEX "IX_Outbox_UserId" ON "Outbox" ("UserId");


CREATE INDEX "IX_ProgramEvent_CreatedById" ON "ProgramEvent" ("CreatedById");


CREATE INDEX "IX_ProgramEvent_GroupMentorId" ON "ProgramEvent" ("GroupMentorId");


CREATE INDEX "IX_ProgramEvent_ProgramId_StartUtc" ON "ProgramEvent" ("ProgramId", "StartUtc");


CREATE INDEX "IX_ProgramExclusion_ProgramId" ON "ProgramExclusion" ("ProgramId");


CREATE INDEX "IX_ProgramMembers_MentorId" ON "ProgramMembers" ("MentorId");


CREATE INDEX "IX_ProgramMembers_ProgramId_UserId" ON "ProgramMembers" ("ProgramId", "UserId");


CREATE INDEX "IX_ProgramMembers_UserId" ON "ProgramMembers" ("UserId");


CREATE INDEX "IX_ReviewChange_ChangedById" ON "ReviewChange" ("ChangedById");


CREATE INDEX "IX_ReviewChange_ReviewId" ON "ReviewChange" ("ReviewId");


CREATE INDEX "IX_SentMails_CreatedUtc" ON "SentMails" ("CreatedUtc");


CREATE INDEX "IX_Sessions_MentorId_StartUtc" ON "Sessions" ("MentorId", "StartUtc");


CREATE UNIQUE INDEX "IX_Sessions_OneOpenRequest" ON "Sessions" ("StudentId", "MentorId", "StartUtc") WHERE "Status" = 'Requested';


CREATE INDEX "IX_Sessions_Status_ExpiresUtc" ON "Sessions" ("Status", "ExpiresUtc");


CREATE INDEX "IX_Sessions_StudentId_StartUtc" ON "Sessions" ("StudentId", "StartUtc");


CREATE UNIQUE INDEX "IX_Submission_AssignmentId_StudentId" ON "Submission" ("AssignmentId", "StudentId");


CREATE INDEX "IX_Submission_ReviewedById" ON "Submission" ("ReviewedById");


CREATE INDEX "IX_Submission_StudentId" ON "Submission" ("StudentId");


CREATE INDEX "IX_WeeklyReview_MentorId" ON "WeeklyReview" ("MentorId");


CREATE UNIQUE INDEX "IX_WeeklyReview_ProgramId_StudentId_Week" ON "WeeklyReview" ("ProgramId", "StudentId", "Week");


CREATE INDEX "IX_WeeklyReview_StudentId" ON "WeeklyReview" ("StudentId");



CREATE TRIGGER "Sessions_NoOverlap_Insert" BEFORE INSERT ON "Sessions"
WHEN NEW."Status" = 'Accepted' AND EXISTS (
    SELECT 1 FROM "Sessions" s WHERE s."Status" = 'Accepted' AND s."Id" <> NEW."Id"
      AND (s."MentorId" = NEW."MentorId" OR s."StudentId" = NEW."StudentId")
      AND s."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < s."EndUtc")
BEGIN SELECT RAISE(ABORT, 'booking_overlap'); END;
CREATE TRIGGER "Sessions_NoOverlap_Update" BEFORE UPDATE ON "Sessions"
WHEN NEW."Status" = 'Accepted' AND EXISTS (
    SELECT 1 FROM "Sessions" s WHERE s."Status" = 'Accepted' AND s."Id" <> NEW."Id"
      AND (s."MentorId" = NEW."MentorId" OR s."StudentId" = NEW."StudentId")
      AND s."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < s."EndUtc")
BEGIN SELECT RAISE(ABORT, 'booking_overlap'); END;
INSERT INTO "SchemaVersions" ("Id", "Version") VALUES (1, 7);
