#!/usr/bin/env python3
"""One-off generator of the hand-made An Hưng plan folder (kept for provenance: every row
below was transcribed by hand from Notebooks-data/plans/an-hung/source/ke-hoach-an-hung-2026-2030.txt, section
II.1 and Phụ lục I). Planners edit the CSV files directly; rerunning this overwrites them."""
import csv, os, sys
out = sys.argv[1] if len(sys.argv) > 1 else "Notebooks-data/plans/an-hung"
os.makedirs(out, exist_ok=True)
KT, VH, HCC, QS, CA = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "BCH quân sự", "Công an xã"
INHERIT = "Responsible unit inherited from the merged cell above in Phụ lục I"

indicators = [
 # id, name_vi, name_en, unit, measure, upper_bound, components
 ("budget_revenue", "Thu ngân sách trên địa bàn", "State budget revenue collected in the commune", "tỷ đồng", "amount", "", ""),
 ("gpv_total", "Tổng giá trị sản phẩm trên địa bàn", "Total production value", "tỷ đồng", "amount", "", "gpv_agriculture+gpv_industry+gpv_services"),
 ("gpv_agriculture", "Giá trị sản phẩm khu vực nông, lâm, thủy sản", "Production value: agriculture, forestry, fisheries", "tỷ đồng", "amount", "", ""),
 ("gpv_industry", "Giá trị sản phẩm khu vực công nghiệp - xây dựng", "Production value: industry and construction", "tỷ đồng", "amount", "", ""),
 ("gpv_services", "Giá trị sản phẩm khu vực dịch vụ", "Production value: services", "tỷ đồng", "amount", "", ""),
 ("value_per_ha_farmland", "Giá trị sản phẩm trên 1 ha đất trồng trọt và nuôi trồng thủy sản", "Output value per hectare of crop and aquaculture land", "triệu đồng/ha/năm", "amount", "", ""),
 ("value_per_ha_crop", "Giá trị sản phẩm/1ha đất trồng trọt", "Output value per hectare of crop land", "triệu đồng/ha/năm", "amount", "", ""),
 ("value_per_ha_aquaculture", "Giá trị sản phẩm/1ha đất nuôi trồng thủy sản", "Output value per hectare of aquaculture land", "triệu đồng/ha/năm", "amount", "", ""),
 ("public_investment_disbursement", "Tỷ lệ giải ngân vốn đầu tư công cấp xã", "Disbursement rate of commune public investment", "%", "rate", "100", ""),
 ("enterprises_active", "Số doanh nghiệp đang hoạt động trên địa bàn", "Active enterprises in the commune", "DN", "count", "", ""),
 ("business_conversion", "Số cơ sở SXKD chuyển đổi thành doanh nghiệp", "Household businesses converted to enterprises", "DN/1.000 dân", "amount", "", ""),
 ("innovative_enterprises", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "Share of enterprises with innovation activity", "%", "rate", "100", ""),
 ("income_per_capita", "Thu nhập bình quân đầu người", "Income per head", "triệu đồng/người/năm", "amount", "", ""),
 ("poverty_rate", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "Multidimensional poverty rate (households)", "%", "rate", "100", ""),
 ("cultural_families", "Tỷ lệ gia đình văn hóa", "Share of families recognised as cultural families", "%", "rate", "100", ""),
 ("cultural_villages", "Tỷ lệ thôn văn hóa", "Share of villages recognised as cultural villages", "%", "rate", "100", ""),
 ("schools_standard_1", "Tỷ lệ trường đạt chuẩn Quốc gia mức độ 1", "Share of schools meeting national standard level 1", "%", "rate", "100", ""),
 ("schools_standard_2", "Tỷ lệ trường đạt chuẩn Quốc gia mức độ 2", "Share of schools meeting national standard level 2", "%", "rate", "100", ""),
 ("multipurpose_halls", "Số nhà đa năng cho mỗi cấp học (mầm non, tiểu học, THCS)", "Multipurpose halls per school level (fewest of the three levels)", "nhà/cấp học", "count", "", ""),
 ("smart_classrooms", "Tỷ lệ cơ sở giáo dục có ít nhất một phòng học thông minh", "Share of schools with at least one smart classroom", "%", "rate", "100", ""),
 ("health_insurance", "Tỷ lệ dân số tham gia bảo hiểm y tế", "Health insurance coverage of the population", "%", "rate", "100", ""),
 ("natural_population_growth", "Tỷ lệ tăng dân số tự nhiên", "Natural population growth rate", "%/năm", "rate", "100", ""),
 ("social_insurance", "Tỷ lệ người tham gia BHXH so với lực lượng lao động trong độ tuổi", "Social insurance participation (share of working-age labour force)", "%", "rate", "100", ""),
 ("health_station", "Trạm y tế xã đạt chuẩn Quốc gia về y tế xã", "Commune health station meets the national standard", "Đạt", "qualitative", "", ""),
 ("new_rural_criteria", "Chỉ tiêu xây dựng nông thôn mới được thành phố giao", "New-rural-area criteria assigned by the city", "Đạt", "qualitative", "", ""),
 ("clean_water", "Tỷ lệ dân số được sử dụng nước sạch", "Share of population using clean water", "%", "rate", "100", ""),
 ("solid_waste_collection", "Tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt", "Household solid waste collected and treated", "%", "rate", "100", ""),
 ("admin_on_time", "Tỷ lệ giải quyết thủ tục hành chính đúng hạn", "Administrative procedures settled on time", "%", "rate", "100", ""),
 ("online_dossiers", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến", "Share of administrative dossiers submitted online", "%", "rate", "100", ""),
 ("military_tasks", "Tỷ lệ hoàn thành chỉ tiêu giao quân, nhiệm vụ huấn luyện dân quân tự vệ, dự bị động viên", "Military recruitment and militia training tasks completed", "%", "rate", "100", ""),
 ("crime_clearance", "Tỷ lệ điều tra, phá án", "Crime clearance rate", "%", "rate", "100", ""),
 ("security_order", "Giữ vững an ninh chính trị, trật tự an toàn xã hội", "Political security and social order maintained", "Đạt", "qualitative", "", ""),
]

T = []
def t(id, ind, item, row, vi, en, unit, kind, comp, lo, hi, start, year, dirn, resp, src, note=""):
    T.append((id, ind, item, row, vi, en, unit, kind, comp, lo, hi, start, year, dirn, resp, src, note))

t("T01","budget_revenue","(1)","PL I.1","Hàng năm, thu ngân sách trên địa bàn tăng bình quân 12,5 (%/năm).","State budget revenue grows 12.5 %/yr on average","%/năm","growth",">=","12.5","12.5",2026,2030,"higher",KT,"II.1 (1); Phụ lục I dòng 1","\"tăng bình quân 12,5\" read as at least 12.5 %/yr on average over 2025-2030")
t("T02","gpv_total","(2)","PL I.2","Tổng giá trị sản phẩm trên địa bàn tăng bình quân 12-14(%/năm)","Total production value grows 12-14 %/yr on average","%/năm","growth","range","12","14",2026,2030,"higher",KT,"II.1 (2); Phụ lục I dòng 2",INHERIT)
t("T02a","gpv_agriculture","(2)","PL I.2.1","Khu vực nông, lâm, thủy sản tăng 1,5-2(%)","Agriculture, forestry and fisheries grow 1.5-2 %/yr","%/năm","growth","range","1.5","2",2026,2030,"higher",KT,"II.1 (2) +; Phụ lục I dòng 2, khu vực nông nghiệp, thủy sản","Section II.1 writes \"(%)\" without \"/năm\"; read as average annual growth like the total. "+INHERIT)
t("T02b","gpv_industry","(2)","PL I.2.2","Khu vực Công nghiệp - xây dựng tăng 13-15(%)","Industry and construction grow 13-15 %/yr","%/năm","growth","range","13","15",2026,2030,"higher",KT,"II.1 (2) +; Phụ lục I dòng 2, khu vực Công nghiệp - Xây dựng","Read as average annual growth. "+INHERIT)
t("T02c","gpv_services","(2)","PL I.2.3","Khu vực dịch vụ tăng 13-15(%)","Services grow 13-15 %/yr","%/năm","growth","range","13","15",2026,2030,"higher",KT,"II.1 (2) +; Phụ lục I dòng 2, khu vực Dịch vụ","Read as average annual growth. "+INHERIT)
t("T03","value_per_ha_farmland","(3)","PL I.3","Đến năm 2030, giá trị sản phẩm trên 1 ha đất trồng trọt và chăn nuôi thủy sản đạt triệu đồng/ha/năm.","By 2030, output value per hectare of crop and aquaculture land reaches [blank] million VND/ha/yr","triệu đồng/ha/năm","level","",None,None,2026,2030,"higher",KT,"II.1 (3); Phụ lục I dòng 3","The document leaves the figure blank (\"đạt  triệu đồng/ha/năm\"); Phụ lục I row 3 has no value either. The parenthesis gives separate figures, recorded as T03a (crop land) and T03b (aquaculture land). Not quantifiable as written.")
t("T03a","value_per_ha_crop","(3)","PL I.3.1","Đất trồng trọt đạt 150 triệu/ha/năm","Crop land output reaches 150 million VND/ha/yr by 2030","triệu đồng/ha/năm","level",">=","150","150",2026,2030,"higher",KT,"II.1 (3) ngoặc; Phụ lục I dòng 3, đất trồng trọt","Phụ lục I writes the unit as \"Triệu/đồng\"; read as million VND per ha per year as in II.1. "+INHERIT)
t("T03b","value_per_ha_aquaculture","(3)","PL I.3.2","đất nuôi trồng thủy sản: 150 - 200 triệu/ha","Aquaculture land output reaches 150-200 million VND/ha by 2030","triệu đồng/ha/năm","level","range","150","200",2026,2030,"higher",KT,"II.1 (3) ngoặc; Phụ lục I dòng 3, đất nuôi trồng thủy sản","II.1 writes \"triệu/ha\" without \"/năm\" for this figure; read as per year like crop land. "+INHERIT)
t("T04","public_investment_disbursement","(4)","PL I.4","Hàng năm, tỷ lệ giải ngân vốn đầu tư công cấp xã đạt tối thiểu 100(%).","Every year, at least 100 % of commune public investment capital is disbursed","%","maintained",">=","100","100",2026,2030,"higher",KT,"II.1 (4); Phụ lục I dòng 4",INHERIT)
t("T05a","enterprises_active","(5)","PL I.5","Số doanh nghiệp đang hoạt động trên địa bàn phấn đấu đạt 23 doanh nghiệp","Active enterprises in the commune reach 23","DN","level",">=","23","23",2026,2030,"higher",KT,"II.1 (5); Phụ lục I dòng 5","No year stated; read as by the end of the plan (2030). "+INHERIT)
t("T05b","business_conversion","(5)","PL I.5.1","số cơ sở sản xuất kinh doanh chuyển đổi thành doanh nghiệp cơ sở: phấn đấu 3 doanh nghiệp/1.000 dân","Household businesses converted to enterprises: 3 enterprises per 1,000 people","DN/1.000 dân","level",">=","3","3",2026,2030,"higher",KT,"II.1 (5); Phụ lục I dòng 5, Số cơ sở SXKD chuyển đổi thành DN","A rate per 1,000 residents for conversions is unusual; recorded as written. No year stated; read as by 2030. "+INHERIT)
t("T06a","income_per_capita","(6)","PL I.6.1","Thu nhập bình quân trên đầu người tăng bình quân 7(%/năm)","Income per head grows 7 %/yr on average","%/năm","growth",">=","7","7",2026,2030,"higher",KT,"II.1 (6); Phụ lục I dòng 6, tăng bình quân hằng năm",INHERIT)
t("T06b","income_per_capita","(6)","PL I.6.2","đến năm 2030 đạt 120 triệu đồng/người/năm","Income per head reaches 120 million VND per person per year by 2030","triệu đồng/người/năm","level",">=","120","120",2026,2030,"higher",KT,"II.1 (6); Phụ lục I dòng 6, đến năm 2030","Together with T06a this implies a 2025 level of 120 / 1.07^5 = 85.56 million VND. "+INHERIT)
t("T07","poverty_rate","(7)","PL I.7","Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều đến năm 2030 dưới 3(%).","Multidimensional poverty rate below 3 % by 2030","%","level","<","3","3",2026,2030,"lower",KT,"II.1 (7); Phụ lục I dòng 7","Section III.1 (7) aims further: no poor households by 2028 (chuẩn nghèo đa chiều 2026-2030).")
t("T08a","cultural_families","(8)","PL I.8","Chỉ tiêu gia đình văn hóa đạt 94% trở lên","Cultural families 94 % or more","%","level",">=","94","94",2026,2030,"higher",KT,"II.1 (8); Phụ lục I dòng 8","No year stated; read as by 2030. Phụ lục I names Phòng Kinh tế (merged cell from row 7) although section III.2 gives culture to Phòng Văn hóa - Xã hội.")
t("T08b","cultural_villages","(8)","PL I.8.1","thôn văn hóa đạt 100%","Cultural villages 100 %","%","level",">=","100","100",2026,2030,"higher",KT,"II.1 (8); Phụ lục I dòng 8, tỷ lệ thôn văn hóa","No year stated; read as by 2030. "+INHERIT)
t("T09a","schools_standard_1","(9)","PL I.8.2","Duy trì 100% các trường học đạt chuẩn Quốc gia mức độ 1","Keep 100 % of schools at national standard level 1","%","maintained",">=","100","100",2026,2030,"higher",KT,"II.1 (9); Phụ lục I dòng 8, tỷ lệ trường đạt chuẩn mức độ 1","Phụ lục I lists this under row 8, not 9. "+INHERIT)
t("T09b","schools_standard_2","(9)","PL I.9","phấn đấu đến năm 2030 đạt tối thiểu 42,9 % trường đạt chuẩn Quốc gia mức độ 2","At least 42.9 % of schools at national standard level 2 by 2030","%","level",">=","42.9","42.9",2026,2030,"higher",KT,"II.1 (9); Phụ lục I dòng 9","42.9 % is presumably 3 of 7 schools (3/7 = 42.857 %); the document does not give the number of schools. "+INHERIT)
t("T10a","multipurpose_halls","(10)","PL I.9.1","Đến năm 2030, có ít nhất một nhà đa năng cho mỗi cấp học mầm non, tiểu học, trung học cơ sở","By 2030, at least one multipurpose hall for each school level (pre-school, primary, lower secondary)","nhà/cấp học","level",">=","1","1",2026,2030,"higher",VH,"II.1 (10); Phụ lục I dòng 9 (sau), nhà đa năng","Phụ lục I lists it unnumbered after row 9 with unit \"Nhà\" and value \"01\"; the indicator is the fewest halls among the three school levels.")
t("T10b","smart_classrooms","(10)","PL I.9.2","100% cơ sở giáo dục được trang bị ít nhất một phòng học thông minh","All schools have at least one smart classroom by 2030","%","level",">=","100","100",2026,2030,"higher",VH,"II.1 (10); Phụ lục I, phòng học thông minh",INHERIT)
t("T11a","health_insurance","(11)","PL I.10","Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 97% trở lên","Health insurance coverage 97 % or more by 2030","%","level",">=","97","97",2026,2030,"higher",VH,"II.1 (11); Phụ lục I dòng 10; III.2 (12)","II.1 says \"97% trở lên\" (≥ 97) while Phụ lục I says \">97\" and III.2 (12) \"trên 97%\" (> 97); recorded as ≥ 97 from section II.1. "+INHERIT)
t("T11b","natural_population_growth","(11)","PL I.11","duy trì tỷ lệ tăng dân số tự nhiên dưới 1%/năm","Keep natural population growth below 1 %/yr","%/năm","maintained","<","1","1",2026,2030,"lower",VH,"II.1 (11); Phụ lục I dòng 11","Section III.2 (5) also asks to promote population growth; \"below 1 %\" is the ceiling. "+INHERIT)
t("T12","social_insurance","(12)","PL I.10.1","Tỷ lệ người tham gia bảo hiểm xã hội đến năm 2030 đạt 60% lực lượng lao động trong độ tuổi.","Social insurance covers 60 % of the working-age labour force by 2030","%","level",">=","60","60",2026,2030,"higher",VH,"II.1 (12); Phụ lục I dòng 10, BHXH; III.2 (12)","III.2 (12) says \"đạt từ 60%\" (from 60 %), read as at least 60. "+INHERIT)
t("T13","health_station","(13)","PL I.12","Đến năm 2030, duy trì 100% trạm y tế xã đạt chuẩn Quốc gia theo Bộ tiêu chí Quốc gia về y tế xã.","Keep the commune health station at the national standard","Đạt","qualitative","",None,None,2026,2030,"higher",VH,"II.1 (13); Phụ lục I dòng 12","Phụ lục I gives \"Đạt\" for the 2025-2030 criteria set. "+INHERIT)
t("T14","new_rural_criteria","(14)","","Phần đầu đạt và vượt chỉ tiêu về xây dựng nông thôn mới giai đoạn 2026 - 2030 được thành phố giao.","Meet or exceed the new-rural-area targets assigned by the city for 2026-2030","Đạt","qualitative","",None,None,2026,2030,"higher",KT,"II.1 (14)","Not in Phụ lục I; the city's targets are not in the document. Responsible unit from III.1 (6).")
t("T15","clean_water","(15)","PL I.13","Hằng năm, duy trì và giữ vững tỷ lệ dân số được sử dụng nước sạch đạt 100%.","Every year, keep 100 % of the population on clean water","%","maintained",">=","100","100",2026,2030,"higher",KT,"II.1 (15); Phụ lục I dòng 13","")
t("T16","solid_waste_collection","(16)","PL I.13.1","Hằng năm, tỷ lệ thu gom chất thải rắn sinh hoạt đạt 100(%).","Every year, 100 % of household solid waste collected","%","maintained",">=","100","100",2026,2030,"higher",KT,"II.1 (16); Phụ lục I dòng 13, chất thải rắn","Phụ lục I adds \"xử lý đảm bảo tiêu chuẩn, quy chuẩn\" (treated to standard). "+INHERIT)
t("T17a","admin_on_time","(17)","PL I.14","Hằng năm, tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt 90% trở lên","Every year, 90 % or more of administrative procedures settled on time","%","maintained",">=","90","90",2026,2030,"higher",HCC,"II.1 (17); Phụ lục I dòng 14; III.4 (1)","II.1 says \"90% trở lên\" (≥ 90), Phụ lục I \"> 90\", III.4 (1) \"đạt 90%\"; recorded as ≥ 90 from II.1.")
t("T17b","online_dossiers","(17)","PL I.14.1","tỷ lệ hồ sơ trực tuyến đạt trên 60%","Every year, more than 60 % of dossiers online","%","maintained",">","60","60",2026,2030,"higher",HCC,"II.1 (17); Phụ lục I dòng 14, hồ sơ trực tuyến; III.4 (1)","III.4 (1) says \"tối thiểu 60%\" (at least 60). "+INHERIT)
t("T18","online_dossiers","(18)","PL I.14.2","Đến năm 2030, có trên 85% hồ sơ thủ tục hành chính trực tuyến.","More than 85 % of dossiers online by 2030","%","level",">","85","85",2026,2030,"higher",HCC,"II.1 (18); Phụ lục I dòng 14, đến năm 2030; III.4 (1)","III.4 (1) says \"85% trở lên\" (≥ 85). "+INHERIT)
t("T19","innovative_enterprises","(19)","PL I.5.2","Đến năm 2030, có 40% doanh nghiệp có hoạt động đổi mới sáng tạo.","40 % of enterprises with innovation activity by 2030","%","level",">=","40","40",2026,2030,"higher",KT,"II.1 (19); Phụ lục I dòng 5, DN đổi mới sáng tạo","Phụ lục I calls it \"Số lượng DN\" (a count) but gives the unit %; recorded as a share. "+INHERIT)
t("T20","military_tasks","(20)","PL I.15","Hằng năm hoàn thành 100% nhiệm vụ huấn luyện dân quân tự vệ, dự bị động viên; 100% chỉ tiêu giao quân.","Every year, 100 % of militia training and recruitment quotas completed","%","maintained",">=","100","100",2026,2030,"higher",QS,"II.1 (20); Phụ lục I dòng 15","")
t("T21a","crime_clearance","(21)","PL I.16","tỷ lệ phá án đạt trên 80% trở lên","Every year, crime clearance rate above 80 %","%","maintained",">","80","80",2026,2030,"higher",CA,"II.1 (21); Phụ lục I dòng 16","II.1 says \"trên 80% trở lên\" (mixes > and ≥); Phụ lục I \"> 80\"; recorded as > 80.")
t("T21b","security_order","(21)","PL I.16.1","Hằng năm, giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn","Every year, political security and social order maintained","Đạt","qualitative","",None,None,2026,2030,"higher",CA,"II.1 (21); Phụ lục I dòng 16, an ninh trật tự",INHERIT)

IL = "illustrative"
baseline = [
 ("budget_revenue",2025,"120","tỷ đồng",IL,"ILLUSTRATIVE placeholder (same as workload MC-A); replace with the 2025 budget settlement"),
 ("gpv_agriculture",2025,"400","tỷ đồng",IL,"ILLUSTRATIVE placeholder, current prices; replace with the commune statistics"),
 ("gpv_industry",2025,"2600","tỷ đồng",IL,"ILLUSTRATIVE placeholder, current prices"),
 ("gpv_services",2025,"1500","tỷ đồng",IL,"ILLUSTRATIVE placeholder, current prices"),
 ("value_per_ha_crop",2025,"125","triệu đồng/ha/năm",IL,"ILLUSTRATIVE placeholder"),
 ("value_per_ha_aquaculture",2025,"140","triệu đồng/ha/năm",IL,"ILLUSTRATIVE placeholder"),
 ("public_investment_disbursement",2025,"95","%",IL,"ILLUSTRATIVE placeholder"),
 ("enterprises_active",2025,"16","DN",IL,"ILLUSTRATIVE placeholder"),
 ("business_conversion",2025,"1.5","DN/1.000 dân",IL,"ILLUSTRATIVE placeholder"),
 ("innovative_enterprises",2025,"20","%",IL,"ILLUSTRATIVE placeholder"),
 ("income_per_capita",2025,"85.56","triệu đồng/người/năm","derived","Implied by T06a and T06b: 120 / 1.07^5 = 85.558, rounded to 85.56"),
 ("poverty_rate",2025,"3.6","%",IL,"ILLUSTRATIVE placeholder"),
 ("cultural_families",2025,"92","%",IL,"ILLUSTRATIVE placeholder"),
 ("cultural_villages",2025,"90","%",IL,"ILLUSTRATIVE placeholder"),
 ("schools_standard_1",2025,"100","%","derived","\"Duy trì 100%\" (keep 100 %) in II.1 (9) implies 100 % already in 2025"),
 ("schools_standard_2",2025,"28.6","%",IL,"ILLUSTRATIVE placeholder (2 of 7 schools)"),
 ("multipurpose_halls",2025,"0","nhà/cấp học",IL,"ILLUSTRATIVE placeholder"),
 ("smart_classrooms",2025,"40","%",IL,"ILLUSTRATIVE placeholder"),
 ("health_insurance",2025,"93.5","%",IL,"ILLUSTRATIVE placeholder"),
 ("natural_population_growth",2025,"0.9","%/năm",IL,"ILLUSTRATIVE placeholder"),
 ("social_insurance",2025,"38","%",IL,"ILLUSTRATIVE placeholder"),
 ("clean_water",2025,"100","%","derived","\"duy trì và giữ vững ... 100%\" in II.1 (15) implies 100 % already in 2025"),
 ("solid_waste_collection",2025,"96","%",IL,"ILLUSTRATIVE placeholder"),
 ("admin_on_time",2025,"95","%",IL,"ILLUSTRATIVE placeholder"),
 ("online_dossiers",2025,"55","%",IL,"ILLUSTRATIVE placeholder"),
 ("military_tasks",2025,"100","%",IL,"ILLUSTRATIVE placeholder"),
 ("crime_clearance",2025,"82","%",IL,"ILLUSTRATIVE placeholder"),
]

# Phụ lục I exactly as written: row text (leading "- " dropped), unit and value columns.
APPENDIX = {
 "T01": ("Hằng năm Thu ngân sách trên địa bàn tăng bình quân", "%", "12,5"),
 "T02": ("Tổng giá trị sản phẩm tăng bình quân", "%", "12-14"),
 "T02a": ("Khu vực nông nghiệp, thủy sản", "%", "1,5-2"),
 "T02b": ("Khu vực Công nghiệp - Xây dựng", "%", "13-15"),
 "T02c": ("Khu vực Dịch vụ", "%", "13-15"),
 "T03": ("Phân đầu giá trị sản phẩm trên ha đất trồng trọt, đất nuôi trồng thủy sản", "", ""),
 "T03a": ("Giá trị sản phẩm/1ha đất trồng trọt đạt", "Triệu/đồng", "150"),
 "T03b": ("Giá trị sản phẩm/1ha đất nuôi trồng thủy sản", "Triệu/đồng", "150-200"),
 "T04": ("Tỷ lệ giải ngân vốn đầu tư công đạt", "%", "100"),
 "T05a": ("Số DN hoạt động trên địa bàn", "DN", "23"),
 "T05b": ("Số cơ sở SXKD chuyển đổi thành DN", "Số DN/1000 dân", "3"),
 "T19": ("Số lượng DN có hoạt động đổi mới sáng tạo đến năm 2030", "%", "40"),
 "T06a": ("Tăng bình quân hằng năm", "%", "7"),
 "T06b": ("Đến năm 2030", "Triệu đồng/ người/ năm", "120"),
 "T07": ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều đến năm 2030", "%", "< 3"),
 "T08a": ("Tỷ lệ gia đình văn hóa đạt", "%", "≥ 94"),
 "T08b": ("Tỷ lệ thôn văn hóa đạt", "%", "100"),
 "T09a": ("Tỷ lệ trường đạt chuẩn Quốc gia mức độ 1", "%", "100"),
 "T09b": ("Tỷ lệ trường đạt chuẩn Quốc gia mức độ 2 đến năm 2030", "%", "42,9"),
 "T10a": ("Đến năm 2030, có ít nhất một nhà đa năng cho mỗi cấp học.", "Nhà", "01"),
 "T10b": ("Cơ sở giáo dục được trang bị một phòng học thông minh", "%", "100"),
 "T11a": ("Tỷ lệ dân số tham gia BHYT", "%", ">97"),
 "T12": ("Tỷ lệ người tham gia BHXH đạt so với Lực lượng lao động trong độ tuổi đến năm 2030", "%", "60"),
 "T11b": ("Tỷ lệ tăng dân số tự nhiên hằng năm", "%", "< 1"),
 "T13": ("Trạm y tế xã đạt tiêu chí quốc gia về y tế xã giai đoạn 2025 – 2030.", "Đạt", "Đạt"),
 "T15": ("Tỷ lệ dân số được sử dụng nước sạch", "%", "100"),
 "T16": ("Tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt đảm bảo tiêu chuẩn, quy chuẩn", "%", "100"),
 "T17a": ("Tỷ lệ giải quyết thủ tục hành chính đúng hạn", "%", "> 90"),
 "T17b": ("Tỷ lệ hồ sơ trực tuyến", "%", "> 60"),
 "T18": ("Tỷ lệ hồ sơ trực tuyến đến năm 2030", "%", "> 85"),
 "T20": ("Hoàn thành chỉ tiêu nghĩa vụ quân sự, công an nhân dân; nhiệm vụ huấn luyện dân quân tự vệ, dự bị động viên", "%", "100"),
 "T21a": ("Tỷ lệ điều tra, phá án", "%", "> 80"),
 "T21b": ("Hằng năm, giữ vững an ninh chính trị, trật tự an toàn xã hội.", "Đạt", "Đạt"),
}
T = [r + APPENDIX.get(r[0], ("", "", "")) for r in T]

def w(name, header, rows):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(header)
        for r in rows:
            wr.writerow(["" if v is None else v for v in r])

w("indicators.csv", ["id","name_vi","name_en","unit","measure","upper_bound","components"], indicators)
w("targets.csv", ["id","indicator","plan_item","appendix_row","name_vi","name_en","unit","kind","comparator","value_low","value_high","start_year","target_year","direction","responsible_unit","source","note","appendix_name_vi","appendix_unit","appendix_value"], T)
w("baseline.csv", ["indicator","year","value","unit","source","note"], baseline)
print(f"{len(indicators)} indicators, {len(T)} targets, {len(baseline)} baseline values -> {out}")
