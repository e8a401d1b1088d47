package org.luodi.launcher.demo;

import org.luodi.events.SourceRegion;

import java.util.List;

/**
 * The words a generated project is made of, one list for the demo year and the benchmark: for each of 大冶's industry
 * chains (reference/industry-chains-daye.csv) the products that belong to it, each with the unit its capacity is
 * counted in (吨 for materials, 台/套 for equipment, 万平方米 or 亩 for parks and farms), and the cities investors
 * come from, by the source region they count under (湖北 省内, the rest of the mainland 省外, 港澳 and abroad 境外).
 */
final class Vocabulary {

    /**
     * One kind of project: {@code template} holds {@code {n}} where the capacity goes, {@code perYi} is how much
     * capacity one 亿元 of contract buys (so that the size in the name fits the money), {@code stem} names the
     * investor's and the local company's line of business.
     */
    record Product(String chain, String template, String unit, double perYi, boolean industrial, String stem) {
    }

    static final List<Product> PRODUCTS = List.of(
            // 新材料: 大冶's copper chain first
            new Product("new-materials", "年产{n}高端铜箔项目", "吨", 800, true, "铜箔"),
            new Product("new-materials", "年产{n}铜基新材料项目", "吨", 3000, true, "铜业"),
            new Product("new-materials", "年产{n}高精度铜合金带材项目", "吨", 2500, true, "合金"),
            new Product("new-materials", "年产{n}再生铜项目", "吨", 6000, true, "再生金属"),
            new Product("new-materials", "年产{n}特种钢材项目", "吨", 5000, true, "特钢"),
            new Product("new-materials", "年产{n}锂电池正极材料项目", "吨", 600, true, "新能源材料"),
            new Product("new-materials", "年产{n}锂电隔膜项目", "万平方米", 400, true, "隔膜"),
            // 智能装备制造
            new Product("smart-equipment", "年产{n}智能矿山装备项目", "台（套）", 60, true, "矿山装备"),
            new Product("smart-equipment", "年产{n}工业机器人项目", "台", 150, true, "机器人"),
            new Product("smart-equipment", "年产{n}精密模具项目", "套", 400, true, "模具"),
            new Product("smart-equipment", "年产{n}数控机床项目", "台", 80, true, "数控"),
            new Product("smart-equipment", "年产{n}汽车零部件项目", "万件", 40, true, "汽车零部件"),
            new Product("smart-equipment", "年产{n}新能源汽车电机项目", "万台", 3, true, "电机"),
            // 电子信息
            new Product("electronics", "年产{n}电子元器件项目", "亿只", 2, true, "电子"),
            new Product("electronics", "年产{n}高端印制电路板项目", "万平方米", 20, true, "电路"),
            new Product("electronics", "年产{n}光电显示模组项目", "万套", 50, true, "光电"),
            new Product("electronics", "年产{n}片式电容器项目", "亿只", 5, true, "电容"),
            // 生命健康
            new Product("life-health", "年产{n}原料药项目", "吨", 30, true, "药业"),
            new Product("life-health", "年产{n}医疗器械项目", "万件", 60, true, "医疗器械"),
            new Product("life-health", "年产{n}中药饮片项目", "吨", 500, true, "中药"),
            new Product("life-health", "年产{n}医用防护用品项目", "万件", 800, true, "医疗用品"),
            // 纺织服装
            new Product("textiles", "年产{n}服装项目", "万件", 120, true, "服饰"),
            new Product("textiles", "年产{n}高档面料项目", "万米", 300, true, "纺织"),
            new Product("textiles", "年产{n}运动鞋项目", "万双", 100, true, "鞋业"),
            // 节能环保
            new Product("green-tech", "年处理{n}工业固废综合利用项目", "吨", 40000, true, "环保"),
            new Product("green-tech", "年产{n}节能环保设备项目", "台（套）", 100, true, "节能"),
            new Product("green-tech", "年产{n}绿色建材项目", "吨", 30000, true, "建材"),
            new Product("green-tech", "{n}分布式光伏发电项目", "兆瓦", 25, true, "光伏"),
            // 临空经济
            new Product("airport-economy", "占地{n}临空智慧物流园项目", "亩", 60, false, "物流"),
            new Product("airport-economy", "建筑面积{n}航空冷链物流中心项目", "万平方米", 1.5, false, "冷链"),
            new Product("airport-economy", "年产{n}航空零部件项目", "万件", 10, true, "航空"),
            new Product("airport-economy", "建筑面积{n}临空产业园标准厂房项目", "万平方米", 2, false, "产业园"),
            // 现代服务业
            new Product("modern-services", "建筑面积{n}商贸物流园项目", "万平方米", 1.5, false, "商贸"),
            new Product("modern-services", "建筑面积{n}城市商业综合体项目", "万平方米", 1, false, "置业"),
            new Product("modern-services", "建筑面积{n}电商产业园项目", "万平方米", 2, false, "电商"),
            // 现代农业
            new Product("modern-agriculture", "{n}生态农业示范园项目", "亩", 1500, false, "农业"),
            new Product("modern-agriculture", "{n}高标准蔬菜基地项目", "亩", 2000, false, "农业"),
            new Product("modern-agriculture", "年加工{n}农产品项目", "吨", 20000, false, "食品"),
            new Product("modern-agriculture", "{n}茶叶种植加工项目", "亩", 2500, false, "茶业"),
            // 文化旅游业
            new Product("culture-tourism", "建筑面积{n}文旅综合体项目", "万平方米", 1.5, false, "文旅"),
            new Product("culture-tourism", "占地{n}乡村旅游度假区项目", "亩", 300, false, "旅游"),
            new Product("culture-tourism", "占地{n}保安湖湿地康养项目", "亩", 250, false, "康养"),
            new Product("culture-tourism", "占地{n}铜绿山古铜矿遗址文旅项目", "亩", 200, false, "文旅"));

    record City(String name, SourceRegion region, int weight) {
    }

    static final List<City> CITIES = List.of(
            new City("武汉", SourceRegion.IN_PROVINCE, 10), new City("黄石", SourceRegion.IN_PROVINCE, 8),
            new City("大冶", SourceRegion.IN_PROVINCE, 6), new City("鄂州", SourceRegion.IN_PROVINCE, 3),
            new City("襄阳", SourceRegion.IN_PROVINCE, 2), new City("宜昌", SourceRegion.IN_PROVINCE, 2),
            new City("黄冈", SourceRegion.IN_PROVINCE, 2), new City("咸宁", SourceRegion.IN_PROVINCE, 2),
            new City("荆州", SourceRegion.IN_PROVINCE, 1),
            new City("深圳", SourceRegion.OUT_OF_PROVINCE, 9), new City("上海", SourceRegion.OUT_OF_PROVINCE, 7),
            new City("苏州", SourceRegion.OUT_OF_PROVINCE, 6), new City("杭州", SourceRegion.OUT_OF_PROVINCE, 5),
            new City("广州", SourceRegion.OUT_OF_PROVINCE, 4), new City("宁波", SourceRegion.OUT_OF_PROVINCE, 4),
            new City("东莞", SourceRegion.OUT_OF_PROVINCE, 4), new City("长沙", SourceRegion.OUT_OF_PROVINCE, 3),
            new City("北京", SourceRegion.OUT_OF_PROVINCE, 3), new City("南京", SourceRegion.OUT_OF_PROVINCE, 3),
            new City("无锡", SourceRegion.OUT_OF_PROVINCE, 3), new City("温州", SourceRegion.OUT_OF_PROVINCE, 3),
            new City("厦门", SourceRegion.OUT_OF_PROVINCE, 2), new City("合肥", SourceRegion.OUT_OF_PROVINCE, 2),
            new City("香港", SourceRegion.FOREIGN, 5), new City("新加坡", SourceRegion.FOREIGN, 2),
            new City("德国", SourceRegion.FOREIGN, 1), new City("日本", SourceRegion.FOREIGN, 1),
            new City("韩国", SourceRegion.FOREIGN, 1));

    /** How companies are named, at home and abroad. */
    static final List<String> DOMESTIC_KINDS = List.of("科技有限公司", "集团有限公司", "实业有限公司", "股份有限公司",
            "投资发展有限公司");
    static final List<String> FOREIGN_KINDS = List.of("投资有限公司", "控股有限公司", "国际有限公司");

    private Vocabulary() {
    }
}
