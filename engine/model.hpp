// The declared convention (spec/convention-format.md, version 1) as typed data.
// engine/load_convention fills it; engine/evaluate only reads it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/values.hpp"

namespace activ {

/// Where a value stood in its source file; 1-based, 0 when unknown.
struct SourcePos {
    int line = 0;
    int column = 0;
};

struct Cpas {
    std::string name;
    std::string nis;  // 5 digits
    SourcePos pos;
};

struct Period {
    Date start;
    Date end;
};

struct Action {
    std::string id;
    std::string kind;  // collective | individual
    std::string title;
    std::string description;  // empty when not given
    std::string category;     // a category word or `other`
    std::optional<bool> target_ready_for_work;
    std::optional<int64_t> planned_participants;
    std::optional<Date> start;
    std::optional<Date> end;
    std::vector<std::string> partners;
    SourcePos pos;
};

struct Expense {
    std::string id;
    Date date;
    Money amount;
    std::string description;  // empty when not given
    std::optional<std::string> action_id;
    int action_index = -1;  // into Convention::actions, -1 when action_id is not given
    std::string cost_type;  // personnel | operating | participant | investment | overhead
    std::optional<std::string> document;
    Share share;  // default 1
    std::optional<std::string> share_basis;
    Money other_funding;  // default 0
    bool credit = false;
    std::optional<Date> paid_on;
    SourcePos pos;
};

struct Piis {
    std::optional<Date> signed_on;
    std::optional<std::string> kind;  // social_activation | professional | training | other
};

struct TrajectoryStep {
    std::string step;  // intake | screening | orientation | social_activation | training | ...
    std::optional<Date> date;
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<bool> ready_for_work;
    std::vector<std::string> action_ids;
    std::vector<int> action_indices;  // of the declared ones, into Convention::actions
    std::vector<std::string> undeclared_actions;  // ids the convention does not declare
    int position = 0;  // 0-based, in its trajectory
    int count = 0;     // the steps of that trajectory, so a step can find its neighbours
    SourcePos pos;
};

struct Score {
    std::optional<Date> date;
    std::optional<int64_t> socioprofessional;
    std::optional<int64_t> autonomy;
    std::optional<int64_t> volunteering;
};

struct Assessment {
    std::optional<Score> start;
    std::optional<Score> end;
};

struct Beneficiary {
    std::string id;
    std::optional<std::string> income;  // integration_income | equivalent_social_aid | none | other
    std::optional<Piis> piis;
    std::optional<bool> ready_for_work;
    std::vector<std::string> action_ids;
    std::vector<int> action_indices;  // into Convention::actions
    std::vector<TrajectoryStep> trajectory;
    std::optional<Assessment> assessment;
    SourcePos pos;
};

struct Objective {
    std::string id;
    std::string text;
    std::string achieved;  // yes | partly | no
    std::vector<std::string> partnerships;
    std::optional<std::string> reasons;
    SourcePos pos;
};

struct Evaluation {
    std::optional<Date> submitted_on;
    std::vector<Objective> objectives;
};

struct Convention {
    std::string file;  // the path it was read from
    std::string id;
    int year = 0;
    Cpas cpas;
    std::optional<std::string> scheme;  // cluster | city
    std::vector<Cpas> cluster;
    Period period;
    Date submitted_on;
    std::optional<Date> signed_on;
    Money subsidy;
    std::optional<Money> advance_paid;
    std::vector<Action> actions;
    std::vector<Expense> expenses;
    std::vector<Beneficiary> beneficiaries;
    std::optional<Evaluation> evaluation;
};

}  // namespace activ
