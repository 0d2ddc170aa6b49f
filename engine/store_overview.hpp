// The national picture over a store, for managers (`activ report`): conventions by status,
// money per CPAS, the most frequent findings per rule and the indicators summed, all
// from the latest stored result of the newest submission of each convention, as decided.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/result.hpp"
#include "engine/store.hpp"

namespace activ {

/// One convention of the overview: its newest submission and what its latest result says.
struct OverviewConvention {
    SubmissionRow submission;  // status: clean, warning, error or unchecked
    std::optional<Totals> totals;  // of the latest result; none when unchecked
    int64_t finding_count = 0;
};

struct CpasOverview {
    std::string nis;
    std::string name;
    std::vector<OverviewConvention> conventions;  // by convention id
    Money declared, eligible, ineligible, eligible_capped;  // over its checked conventions
    int64_t findings = 0;
};

struct RuleOverview {
    std::string rule;
    std::string severity;
    std::string cite;
    int64_t findings = 0;
    int64_t conventions = 0;  // that have at least one
    std::optional<Money> at_stake;  // the charges of the expenses it is about, if any
};

struct IndicatorOverview {
    std::string name;
    std::string label;
    std::string unit;
    bool additive = false;
    IndicatorValue::Kind kind = IndicatorValue::Kind::missing;  // of the values summed
    std::string total;        // the exact sum, when additive; empty otherwise
    int64_t reported = 0;     // conventions with a value
    int64_t missing = 0;      // conventions where it could not be computed
};

struct Overview {
    std::optional<int> year;
    int64_t clean = 0, warning = 0, error = 0, unchecked = 0;
    std::vector<CpasOverview> cpas;  // by NIS
    Money declared, eligible, ineligible, eligible_capped;
    std::vector<RuleOverview> rules;  // most findings first, then by rule id
    std::vector<IndicatorOverview> indicators;  // in the order the rulesets define them
    /// Files the loader refused: their year is unknown, so they are all listed.
    std::vector<SubmissionRow> rejected;
};

/// What `each` is shown for every checked convention, for its detail.
struct CheckedConvention {
    const SubmissionRow& submission;
    const Result& result;  // read back from the stored report, amounts at stake set
    const Convention& convention;
};

/// Builds the overview of `year` (every year when none), reading one convention at a
/// time. `each` sees every checked convention in the overview's order; `progress(done)`
/// follows each one read. Throws StoreError when a stored result cannot be read back, or
/// std::overflow_error when a sum leaves 64 bits.
Overview overview_of_store(Store& store, std::optional<int> year,
                           const std::function<void(const CheckedConvention&)>& each,
                           const std::function<void(size_t)>& progress = {});

/// The page of the overview (`language` as for render_text). Each convention links to
/// `link(submission)`: an anchor in the page or a sibling file. `details` (the HTML of
/// each convention's report, or nothing) is placed after the overview.
std::string render_overview_html(const Overview& overview, const std::string& language,
                                 const std::function<std::string(const SubmissionRow&)>& link,
                                 const std::string& details);

/// The file name of a convention's detail page in an output folder: its id made safe for
/// a file name, then its submission number, which keeps two names apart.
std::string detail_file_name(const SubmissionRow& submission);

}  // namespace activ
