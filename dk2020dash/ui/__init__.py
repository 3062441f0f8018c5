"""Streamlit helpers shared by the pages, one module per concern; pages import them all from here (`ui.X`).

context  the store and the Context a page runs with       data     loaders cached on the data version
shell    page list, sidebar, navigation, page set-up      tables   frames as pages show them
widgets  KPI cards, charts with image downloads, buttons  forms    forms that change the database
presentation  the Præsentation page: the deck model, one slide drawn large
"""
from .context import Context, context, get_store
from .data import (
    assess,
    assess_each,
    cached,
    load_actions,
    load_boundaries,
    load_chart_specs,
    load_compare_specs,
    load_data_quality,
    load_demo_kinds,
    load_editions,
    load_estimated_share,
    load_import_log,
    load_inputs,
    load_last_imports,
    load_milestones,
    load_municipalities,
    load_newest_edition,
    load_plans,
    municipality_metrics,
    municipality_name,
    ranking,
    reason_text,
    unavailable_text,
)
from .forms import restore_upload
from .presentation import draw_slide, escape_md, load_deck, load_history_start, pptx_bytes
from .shell import AREAS, LANGUAGE_NAMES, PAGES, area_label, demo_banner, draw_shell, navigation, page_menu, page_setup, shell
from .tables import (
    GAPS_SHOWN,
    actions_frame,
    comparison_download,
    comparison_table,
    editions_frame,
    excluded_lines,
    file_slug,
    import_log_frame,
    kommune_code,
    last_imports_frame,
    milestone_states,
    milestones_frame,
    peer_group,
    quality_frames,
    quality_gaps,
    quality_summary,
    ranking_table,
    region_rank,
    restore_contents_frame,
    sector_label,
    status_counts,
    year_ranges,
    year_text,
)
from .widgets import (
    activity_kpis,
    chart,
    chart_downloads,
    download_table,
    export_downloads,
    open_municipality,
    progress_kpis,
    sector_charts,
    selected_code,
    verdict_kpis,
)
