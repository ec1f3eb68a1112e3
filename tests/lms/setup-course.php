<?php
// Makes the course of the LMS suite in a running Moodle with Moodle's own API, set up as the
// README's Moodle section tells HR: both packages as SCORM activities, grading method highest
// grade, maximum grade 100, unlimited attempts, no forced new attempt, completion when the status
// is "passed". Usage (from Moodle's directory): php setup-course.php <scorm12.zip> <scorm2004.zip>
// <learners JSON>. Prints JSON: the course, the activities and the learners' ids.
define('CLI_SCRIPT', true);
require(getcwd() . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->dirroot . '/mod/scorm/lib.php');
require_once($CFG->dirroot . '/mod/scorm/locallib.php');
require_once($CFG->libdir . '/completionlib.php');
require_once($CFG->libdir . '/gradelib.php');

[$script, $zip12, $zip2004, $learnersjson] = $argv;
$learners = json_decode($learnersjson, true);

$admin = get_admin();
\core\session\manager::set_user($admin);
set_config('enablecompletion', 1);
// Chinese names read family name first: Moodle's full-name format, as the README tells HR.
set_config('fullnamedisplay', 'lastname firstname');

$course = create_course((object) [
    'fullname' => '客服课堂',
    'shortname' => 'service-classroom',
    'category' => 1,
    'enablecompletion' => 1,
    'format' => 'topics',
    'numsections' => 1,
]);

$users = [];
$enrol = enrol_get_plugin('manual');
$instance = $DB->get_record('enrol', ['courseid' => $course->id, 'enrol' => 'manual'], '*', MUST_EXIST);
$student = $DB->get_record('role', ['shortname' => 'student'], '*', MUST_EXIST);
foreach ($learners as $l) {
    $id = user_create_user((object) [
        'username' => $l['username'],
        'password' => $l['password'],
        'firstname' => $l['firstname'],
        'lastname' => $l['lastname'],
        'idnumber' => $l['idnumber'],
        'email' => $l['username'] . '@example.invalid',
        'auth' => 'manual',
        'confirmed' => 1,
        'mnethostid' => $CFG->mnet_localhost_id,
        'lang' => 'en',
    ], true, false);
    $enrol->enrol_user($instance, $id, $student->id);
    $users[$l['username']] = $id;
}

function add_scorm($course, $admin, string $zip, string $name) {
    global $DB;
    $draftid = file_get_unused_draft_itemid();
    get_file_storage()->create_file_from_pathname([
        'contextid' => context_user::instance($admin->id)->id,
        'component' => 'user',
        'filearea' => 'draft',
        'itemid' => $draftid,
        'filepath' => '/',
        'filename' => basename($zip),
    ], $zip);
    $mod = (object) [
        'modulename' => 'scorm',
        'module' => $DB->get_field('modules', 'id', ['name' => 'scorm'], MUST_EXIST),
        'course' => $course->id,
        'section' => 1,
        'visible' => 1,
        'name' => $name,
        'intro' => '',
        'introformat' => FORMAT_HTML,
        'scormtype' => SCORM_TYPE_LOCAL,
        'packagefile' => $draftid,
        // Appearance: current window, no table of contents beside the course.
        'popup' => 0,
        'width' => 100,
        'height' => 600,
        'skipview' => SCORM_SKIPVIEW_NEVER,
        'hidebrowse' => 1,
        'displaycoursestructure' => 0,
        'hidetoc' => SCORM_TOC_DISABLED,
        'nav' => SCORM_NAV_DISABLED,
        'displayattemptstatus' => SCORM_DISPLAY_ATTEMPTSTATUS_ALL,
        // Grade: highest grade, maximum 100.
        'grademethod' => GRADEHIGHEST,
        'maxgrade' => 100,
        // Attempts: unlimited, highest attempt counts, no forced new attempt.
        'maxattempt' => 0,
        'whatgrade' => HIGHESTATTEMPT,
        'forcenewattempt' => SCORM_FORCEATTEMPT_NO,
        'lastattemptlock' => 0,
        'forcecompleted' => 0,
        'masteryoverride' => 1,
        'auto' => 0,
        'updatefreq' => SCORM_UPDATE_NEVER,
        'timeopen' => 0,
        'timeclose' => 0,
        // Activity completion: automatic, require status "passed".
        'completion' => COMPLETION_TRACKING_AUTOMATIC,
        'completionstatusrequired' => 2,
        'completionscorerequired' => null,
        'completionstatusallscos' => 0,
        'completionview' => 0,
        'completionexpected' => 0,
        'cmidnumber' => '',
        'groupmode' => 0,
        'groupingid' => 0,
    ];
    $info = add_moduleinfo($mod, $course);
    return ['cmid' => (int) $info->coursemodule, 'scormid' => (int) $info->instance];
}

$s12 = add_scorm($course, $admin, $zip12, '客服课堂 SCORM 1.2');
$s2004 = add_scorm($course, $admin, $zip2004, '客服课堂 SCORM 2004');
echo json_encode(['courseid' => (int) $course->id, 'scorm12' => $s12, 'scorm2004' => $s2004, 'users' => $users]), "\n";
